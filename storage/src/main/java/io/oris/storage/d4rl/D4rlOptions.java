package io.oris.storage.d4rl;

/**
 * How a D4RL file becomes a dataset.
 *
 * @param env          env name; null to take it from the file name ({@code hopper_medium-v2.hdf5})
 * @param keepTimeouts keep the transition of each timeout step (default false: D4RL's
 *                     {@code qlearning_dataset} drops it because its next observation is not real)
 */
public record D4rlOptions(String env, boolean keepTimeouts) implements java.io.Serializable {
    /** The defaults: env from the file name, timeout steps dropped. */
    public static D4rlOptions defaults() {
        return new D4rlOptions(null, false);
    }

    /** A canonical text of the output-shaping options, part of the dataset fingerprint. */
    public String canonical(String resolvedEnv) {
        return "env=" + resolvedEnv + ";keepTimeouts=" + keepTimeouts;
    }
}
