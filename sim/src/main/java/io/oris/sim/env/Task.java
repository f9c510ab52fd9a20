package io.oris.sim.env;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The tasks the project trains in, with their constants: the locomotion tasks the D4RL datasets were recorded in
 * (gym-v2 values, docs/reference.md §1) and the pick-and-place task of ORIS Table III (docs/reference.md §8). Each
 * has a model file, observation and action sizes, frame skip and episode limit.
 */
public enum Task {
    HOPPER("hopper", "hopper.xml", 11, 3, 4, false, 1000),
    WALKER2D("walker2d", "walker2d.xml", 17, 6, 4, false, 1000),
    HALFCHEETAH("halfcheetah", "halfcheetah.xml", 17, 6, 5, true, 1000),
    /**
     * Pick a block and place it at a fixed goal (ORIS Table III): state hand xyz, opening, block xyz; action hand
     * velocity and gripper. 150 steps: the paper does not state the horizon; its TD3+BC row (return −14.99 at 6.7 %
     * reach, −0.1 per step when not near the block) bounds it to 150–160.
     */
    PICK_PLACE("pick-place", "pick_place.xml", 7, 4, 5, false, 150);

    /**
     * Every locomotion task ends an episode after this many control steps (gym's TimeLimit for the v2 classes);
     * {@link #maxEpisodeSteps()} gives each task's own limit.
     */
    public static final int MAX_EPISODE_STEPS = 1000;

    private final String id;
    private final String modelResource;
    private final int observationDim;
    private final int actionDim;
    private final int frameSkip;
    private final boolean massNormalized;
    private final int maxEpisodeSteps;

    Task(String id, String modelResource, int observationDim, int actionDim, int frameSkip, boolean massNormalized,
            int maxEpisodeSteps) {
        this.maxEpisodeSteps = maxEpisodeSteps;
        this.id = id;
        this.modelResource = modelResource;
        this.observationDim = observationDim;
        this.actionDim = actionDim;
        this.frameSkip = frameSkip;
        this.massNormalized = massNormalized;
    }

    /** Lower-case name used in job files, dataset names and the command line. */
    public String id() {
        return id;
    }

    /** Classpath resource of the project's MJCF model for this task. */
    public String modelResource() {
        return "/io/oris/sim/models/" + modelResource;
    }

    public int observationDim() {
        return observationDim;
    }

    public int actionDim() {
        return actionDim;
    }

    public int frameSkip() {
        return frameSkip;
    }

    /**
     * True when the model's total mass is fixed by the compiler ({@code settotalmass}), so a density
     * scale cancels out, as it does in H2O's implementation.
     */
    public boolean massNormalized() {
        return massNormalized;
    }

    /** The episode limit in control steps (truncation). */
    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    /** True for hopper, walker2d and halfcheetah (the D4RL tasks), false for pick-place. */
    public boolean isLocomotion() {
        return this != PICK_PLACE;
    }

    /**
     * Parses a task name ({@code hopper}, {@code walker2d}, {@code halfcheetah}, {@code pick-place}; case, dashes
     * and underscores ignored; {@code pick-and-place}, the env name robot logs use, is pick-place too).
     */
    public static Task parse(String name) {
        String key = normal(name);
        if (key.equals("pickandplace")) {
            return PICK_PLACE;
        }
        for (Task t : values()) {
            if (normal(t.id).equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Task::id).collect(Collectors.joining(", ")));
    }

    private static String normal(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
