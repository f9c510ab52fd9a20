package io.oris.model.learner;

/**
 * A {@link Policy} that can describe itself as weights and a head ({@link PolicyExport}), so that an evaluation
 * snapshot holds the actor only (float32 weights, no critics or optimiser state) and a deployment can run it
 * without oris (docs/architecture.md §5). Every learner's {@link Learner#policy()} is one.
 */
public interface ExportablePolicy extends Policy {
    /** The network, head and observation normalisation that make this policy act as it does. */
    PolicyExport export();
}
