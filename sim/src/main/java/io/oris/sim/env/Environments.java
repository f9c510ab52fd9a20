package io.oris.sim.env;

/**
 * Creates environments by task and dynamics gap, e.g. {@code create("hopper", "gravity=2.0", 7)} or
 * {@code create("pick-place", "sim", 7)}; each instance owns its model copy and data.
 */
public final class Environments {
    private Environments() {
    }

    public static MujocoEnv create(Task task, DynamicsGap gap, long seed) {
        return switch (task) {
            case HOPPER -> new HopperEnv(gap, seed);
            case WALKER2D -> new Walker2dEnv(gap, seed);
            case HALFCHEETAH -> new HalfCheetahEnv(gap, seed);
            case PICK_PLACE -> new PickPlaceEnv(gap, seed);
        };
    }

    /** Parses the task and gap names (see {@link Task#parse} and {@link DynamicsGap#parse}). */
    public static MujocoEnv create(String task, String gap, long seed) {
        return create(Task.parse(task), DynamicsGap.parse(gap), seed);
    }

    /**
     * The real environment of a task, where evaluation always runs: the unmodified model for locomotion, the robot
     * stand-in ({@link PickPlaceDynamics#ROBOT}) for pick-place.
     */
    public static MujocoEnv real(Task task, long seed) {
        return create(task, DynamicsGap.REAL, seed);
    }
}
