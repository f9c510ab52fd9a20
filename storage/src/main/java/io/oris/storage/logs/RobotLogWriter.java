package io.oris.storage.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oris.storage.TransitionArrays;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Writes a transition dataset as a robot log in JSON Lines, one line per time step as a robot records it: episode,
 * step, timestamp, the observation and action fields by name, the reward, {@code done} and {@code truncated}. Each
 * episode of T transitions becomes T + 1 lines: line t carries obs_t, the action taken there and the reward it
 * earned; the last line carries the final state (the last next_obs), a zero action, reward 0 and the episode's
 * terminal/timeout flags. That is exactly what {@link RobotLogIngest} turns back into the same transitions when the
 * mapping names these fields (next_obs = the next line's observation; the last line's flags move to the transition
 * before it), so the log and the dataset it came from are interchangeable: {@code oris collect ... --log FILE}
 * writes both, and {@code jobs/examples/pick-place-log-mapping.yaml} reads the log back.
 *
 * <p>Values are written as the dataset's float32 numbers (their shortest decimal form), so parsing them back gives
 * the same bits. Requires next_obs of each transition to equal obs of the next one within an episode, which holds
 * for recorded roll-outs; a dataset where it does not is refused, naming the row.
 */
public final class RobotLogWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> observationFields;
    private final List<String> actionFields;
    private final double stepSeconds;
    private final BiConsumer<ObjectNode, float[]> extraFields;

    /**
     * @param observationFields field name of each observation component
     * @param actionFields      field name of each action component
     * @param stepSeconds       control period: line t of an episode is stamped t · stepSeconds after the episode start
     * @param extraFields       adds fields a robot log carries beyond the mapped ones (e.g. joint positions derived
     *                          from the state) to a line, given its observation; they are not read back
     */
    public RobotLogWriter(List<String> observationFields, List<String> actionFields, double stepSeconds,
            BiConsumer<ObjectNode, float[]> extraFields) {
        this.observationFields = List.copyOf(observationFields);
        this.actionFields = List.copyOf(actionFields);
        this.stepSeconds = stepSeconds;
        this.extraFields = extraFields;
    }

    /** Writes {@code data} to {@code file} (through a temporary file, so a reader never sees half a log). */
    public void write(TransitionArrays data, Path file) {
        int o = data.obsDim();
        int a = data.actionDim();
        if (o != observationFields.size() || a != actionFields.size()) {
            throw new IllegalArgumentException("dataset has observation width " + o + " and action width " + a
                    + "; the log fields are " + observationFields + " and " + actionFields);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (BufferedWriter out = Files.newBufferedWriter(tmp)) {
                double episodeStart = 0;
                int n = data.rows();
                for (int i = 0; i < n; i++) {
                    long episode = data.episode()[i];
                    int t = data.t()[i];
                    float[] obs = slice(data.obs(), i, o);
                    line(out, episode, t, episodeStart, obs, slice(data.action(), i, a), data.reward()[i], false, false);
                    boolean last = i + 1 == n || data.episode()[i + 1] != episode;
                    float[] next = slice(data.nextObs(), i, o);
                    if (!last) {
                        float[] following = slice(data.obs(), i + 1, o);
                        if (!java.util.Arrays.equals(next, following) || data.t()[i + 1] != t + 1) {
                            throw new IllegalArgumentException("row " + i + " (episode " + episode + ", t " + t
                                    + "): next_obs differs from the next row's obs, so the transitions are not one"
                                    + " recorded trajectory and cannot be written as a log");
                        }
                    } else {
                        line(out, episode, t + 1, episodeStart, next, new float[a], 0f, data.terminal()[i],
                                data.timeout()[i]);
                        episodeStart += (t + 2) * stepSeconds + 1.0; // a second between episodes (reset)
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the robot log " + file + ": " + e.getMessage(), e);
        }
    }

    private void line(BufferedWriter out, long episode, int step, double episodeStart, float[] obs, float[] action,
            float reward, boolean done, boolean truncated) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("episode", episode);
        node.put("step", step);
        node.put("timestamp", Math.round((episodeStart + step * stepSeconds) * 1e6) / 1e6);
        for (int k = 0; k < obs.length; k++) {
            node.put(observationFields.get(k), obs[k]);
        }
        extraFields.accept(node, obs);
        for (int k = 0; k < action.length; k++) {
            node.put(actionFields.get(k), action[k]);
        }
        node.put("reward", reward);
        node.put("done", done);
        node.put("truncated", truncated);
        out.write(JSON.writeValueAsString(node));
        out.newLine();
    }

    private static float[] slice(float[] flat, int row, int width) {
        return java.util.Arrays.copyOfRange(flat, row * width, (row + 1) * width);
    }
}
