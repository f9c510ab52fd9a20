package io.oris.pipeline.train;

import io.oris.model.learner.ExportablePolicy;
import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import io.oris.model.replay.BatchSpec;
import io.oris.model.replay.UpdateInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@link ModelLearners} whose learners crash at their update number {@code crashAt + 1} (after {@code crashAt} gradient
 * steps): a run killed between two checkpoints, in process, for tests of offline runs that resume from the last
 * checkpoint (the learners are the real ones; only the one update throws).
 */
record CrashingUpdates(long crashAt) implements LearnerProvider {
    @Override
    public Learner create(RunConfig config, LearnerDims dims, Path dataRoot) {
        return new Crashing(new ModelLearners().create(config, dims, dataRoot), crashAt);
    }

    @Override
    public Learner createSac(LearnerDims dims, Map<String, Object> hyperparameters, long seed) {
        return new ModelLearners().createSac(dims, hyperparameters, seed);
    }

    @Override
    public RolloutPlan rollouts(RunConfig config, LearnerDims dims, Path dataRoot, Learner learner, long fromStep) {
        return new ModelLearners().rollouts(config, dims, dataRoot, ((Crashing) learner).inner, fromStep);
    }

    private record Crashing(Learner inner, long crashAt) implements Learner {
        @Override
        public String method() {
            return inner.method();
        }

        @Override
        public BatchSpec batchSpec() {
            return inner.batchSpec();
        }

        @Override
        public Map<String, Double> update(UpdateInput input) {
            if (inner.step() >= crashAt) {
                throw new IllegalStateException("simulated crash after step " + inner.step());
            }
            return inner.update(input);
        }

        @Override
        public Map<String, Double> metrics() {
            return inner.metrics();
        }

        @Override
        public long step() {
            return inner.step();
        }

        @Override
        public ExportablePolicy policy() {
            return inner.policy();
        }

        @Override
        public void save(OutputStream out) throws IOException {
            inner.save(out);
        }

        @Override
        public void load(InputStream in) throws IOException {
            inner.load(in);
        }

        @Override
        public int obsDim() {
            return inner.obsDim();
        }

        @Override
        public int actDim() {
            return inner.actDim();
        }
    }
}
