package io.oris.pipeline.train;

import io.oris.model.replay.SimulatedReplay;
import io.oris.pipeline.rollout.TransitionSink;

/** Feeds simulator transitions (double precision, from the environments) into the learners' simulated replay ring. */
public final class SimulatedSink implements TransitionSink {
    private final SimulatedReplay replay;
    private long added;

    public SimulatedSink(SimulatedReplay replay) {
        this.replay = replay;
    }

    @Override
    public void add(double[] observation, double[] action, double reward, double[] nextObservation, boolean terminal) {
        replay.add(toFloat(observation), toFloat(action), reward, toFloat(nextObservation), terminal);
        added++;
    }

    /** Transitions added through this sink. */
    public long added() {
        return added;
    }

    static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
