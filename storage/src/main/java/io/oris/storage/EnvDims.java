package io.oris.storage;

/**
 * The array shapes of one environment's transitions: observation and action width, and the MuJoCo
 * state sizes {@code nq}/{@code nv} (0 when the env has no MuJoCo state to record). Used to check input
 * files against the env they claim to come from.
 *
 * @param env       env name as used in dataset ids and manifests ({@code hopper}, {@code walker2d}, ...)
 * @param obsDim    observation width
 * @param actionDim action width
 * @param nq        generalized position size, 0 if unknown
 * @param nv        generalized velocity size, 0 if unknown
 */
public record EnvDims(String env, int obsDim, int actionDim, int nq, int nv) implements java.io.Serializable {
    public EnvDims {
        if (env == null || env.isBlank()) {
            throw new IllegalArgumentException("env name must not be blank");
        }
        if (obsDim <= 0 || actionDim <= 0 || nq < 0 || nv < 0) {
            throw new IllegalArgumentException("bad dims for env " + env + ": obs " + obsDim + ", action " + actionDim
                    + ", nq " + nq + ", nv " + nv);
        }
    }
}
