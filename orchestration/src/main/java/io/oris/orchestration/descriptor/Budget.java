package io.oris.orchestration.descriptor;

/**
 * How long a run trains and how often it is measured: gradient steps in total and per epoch, simulator
 * steps per epoch (hybrid methods and SAC), evaluation and snapshot intervals in gradient steps.
 */
public record Budget(long gradientSteps, long stepsPerEpoch, long simStepsPerEpoch, long evalEvery, long snapshotEvery) {
}
