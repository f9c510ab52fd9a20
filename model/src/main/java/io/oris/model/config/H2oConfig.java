package io.oris.model.config;

/**
 * H2O's dynamics-aware policy evaluation (docs/reference.md §4) and its ablation switches.
 *
 * @param beta weight of the conservative term (min-Q weight); default 0.01 (docs/reference.md §4)
 * @param temperature log-sum-exp temperature; default 1 (H2O's cql_temp)
 * @param clipDiff the conservative difference is clipped to ±clipDiff; default 1000 (docs/reference.md §4)
 * @param ratioMin lower clip of the dynamics ratio; default 1e-5 (docs/reference.md §4)
 * @param ratioMax upper clip of the dynamics ratio; default 1 (docs/reference.md §4)
 * @param nextStateSamples perturbed next states per sample for u(s,a); default 10 (docs/reference.md §4)
 * @param nextStateNoise their noise is N(0,1)·nextStateNoise·std(states); default 1 (docs/reference.md §4)
 * @param uMin lower clip of u(s,a); default 1e-45 (docs/reference.md §4)
 * @param uMax upper clip of u(s,a); default 10 (docs/reference.md §4)
 * @param adaptiveWeights ω = u/Σu; false = uniform ω (H2O-a); default true
 * @param dynamicsRatio importance weight on the simulated TD error; false = H2O-dr; default true
 * @param regularisation the conservative term; false = H2O-reg; default true
 * @param expectationVariant E_ω[Q] instead of log-sum-exp (H2O(v)); default false
 */
public record H2oConfig(double beta, double temperature, double clipDiff, double ratioMin, double ratioMax,
                        int nextStateSamples, double nextStateNoise, double uMin, double uMax, boolean adaptiveWeights,
                        boolean dynamicsRatio, boolean regularisation, boolean expectationVariant) {
    public static H2oConfig defaults() {
        return new H2oConfig(0.01, 1.0, 1000, 1e-5, 1.0, 10, 1.0, 1e-45, 10, true, true, true, false);
    }
}
