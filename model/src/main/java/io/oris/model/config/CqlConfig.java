package io.oris.model.config;

/**
 * CQL(H) with a fixed min-Q weight (Kumar et al. 2020), as in the SAC-based reference implementation: the defaults
 * (with {@link SacConfig}'s: actor lr 3e-4, 256-256, auto α) are young-geng's {@code ConservativeSAC} defaults, the
 * code CORL's {@code cql.py} derives from. CORL's own locomotion configs differ: min-Q weight 10, actor lr 3e-5,
 * three hidden layers, orthogonally initialised critics, standardised states.
 *
 * @param minQWeight weight of the conservative term; default 5.0 (young-geng's default; the CQL authors' README
 *                   suggests 5.0 or 10.0 for Gym MuJoCo without Lagrange)
 * @param sampledActions actions sampled per state from each of uniform, π(·|s) and π(·|s'); default 10 (CQL paper)
 * @param temperature log-sum-exp temperature; default 1 (CQL paper)
 * @param importanceSampling subtract the sampling log-densities inside the log-sum-exp; default true (CQL paper's
 *                           CQL(H) estimator)
 * @param clipDiff the per-state difference is clipped to ±clipDiff; default 1e30 (no clip, as the reference)
 */
public record CqlConfig(double minQWeight, int sampledActions, double temperature, boolean importanceSampling,
                        double clipDiff) {
    public static CqlConfig defaults() {
        return new CqlConfig(5.0, 10, 1.0, true, 1e30);
    }
}
