package io.oris.sim.env;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The locomotion tasks the D4RL datasets were recorded in, with their gym-v2 constants (docs/reference.md §1): model
 * file, observation and action sizes, frame skip and episode limit.
 */
public enum Task {
    HOPPER("hopper", "hopper.xml", 11, 3, 4, false),
    WALKER2D("walker2d", "walker2d.xml", 17, 6, 4, false),
    HALFCHEETAH("halfcheetah", "halfcheetah.xml", 17, 6, 5, true);

    /** Every task ends an episode after this many control steps (gym's TimeLimit for the v2 classes). */
    public static final int MAX_EPISODE_STEPS = 1000;

    private final String id;
    private final String modelResource;
    private final int observationDim;
    private final int actionDim;
    private final int frameSkip;
    private final boolean massNormalized;

    Task(String id, String modelResource, int observationDim, int actionDim, int frameSkip, boolean massNormalized) {
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

    /** Parses a task name ({@code hopper}, {@code walker2d}, {@code halfcheetah}; case and dashes ignored). */
    public static Task parse(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (Task t : values()) {
            if (t.id.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Task::id).collect(Collectors.joining(", ")));
    }
}
