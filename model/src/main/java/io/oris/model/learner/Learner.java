package io.oris.model.learner;

import io.oris.model.replay.Batch;
import io.oris.model.replay.BatchSpec;
import io.oris.model.replay.UpdateInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One training method (SAC, CQL, IQL, TD3+BC, BC, H2O, DARC, ORIS and their variants) behind one interface: gradient
 * updates on batches, actions, the metrics of the last update, and a complete snapshot (networks, optimiser moments,
 * α, step count, RNG) so that restore-and-continue gives the same numbers as not stopping.
 */
public interface Learner extends Policy {
    /** The method name this learner was built for (e.g. {@code h2o-dr}). */
    String method();

    /** Rows wanted per update from each source. */
    BatchSpec batchSpec();

    /**
     * One gradient update.
     *
     * @throws NonFiniteLossException if a loss term is NaN or infinite (actor, critics and α are left unchanged,
     *                               except that TD3+BC's critics have taken their step when its delayed actor loss,
     *                               computed after that step as in the reference, is the non-finite term)
     */
    Map<String, Double> update(UpdateInput input);

    /** One update from the learning batches only (methods without discriminators). */
    default Map<String, Double> update(Batch offline, Batch simulated) {
        return update(UpdateInput.of(offline, simulated));
    }

    /** Metrics of the last update: each loss term, Q means, α, weights (empty before the first update). */
    Map<String, Double> metrics();

    /** Number of updates applied. */
    long step();

    /**
     * A frozen plain-Java copy of the current actor, for rollouts (one per thread is fine); its {@link
     * ExportablePolicy#export()} is what an evaluation snapshot stores.
     */
    ExportablePolicy policy();

    /** Acts with the current actor (plain-Java forward of a copy refreshed after each update). */
    @Override
    default float[] act(float[] obs, boolean deterministic, RandomGenerator rng) {
        return policy().act(obs, deterministic, rng);
    }

    /** Writes the complete state. */
    void save(OutputStream out) throws IOException;

    /** Reads a state written by {@link #save} of a learner built with the same method, dims and config. */
    void load(InputStream in) throws IOException;

    /** Writes the complete state to {@code dir/learner.bin} atomically (temporary file, then rename). */
    default void snapshot(Path dir) throws IOException {
        io.oris.storage.AtomicPublish.writeFile(dir.resolve("learner.bin"), this::save);
    }

    /** Restores from {@code dir/learner.bin}. */
    default void restore(Path dir) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(dir.resolve("learner.bin"))) {
            load(new java.io.BufferedInputStream(in));
        }
    }
}
