package io.oris.storage.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.oris.storage.BadInputException;
import io.oris.storage.TextFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The YAML mapping that tells how a robot log's columns become transitions (example:
 * {@code jobs/examples/arm-mapping.yaml}):
 * <pre>
 * env: pick-and-place          # env name recorded in the manifest
 * episode: episode             # column: episode id (number or text)
 * step: step                   # column: step index; rows are sorted by (episode, step)
 * observation: [ee_x, ee_y, ee_z, gripper, obj_x, obj_y, obj_z]
 * action: [dx, dy, dz, grip]
 * reward: reward               # column; or leave out and name a reward_function
 * reward_function:             # used when there is no reward column
 *   name: pick-and-place       # r = -0.1 + 0.1·[d1 &lt; 0.1] + 20·[d2 &lt; 0.05], on the next observation
 *   gripper: [ee_x, ee_y, ee_z]
 *   object: [obj_x, obj_y, obj_z]
 *   goal: [0.5, 0.0, 0.2]      # fixed goal position
 * terminal: done               # optional column (true/false or 0/1)
 * timeout: truncated           # optional column
 * next_observation: [...]      # optional columns; without them next obs = the next row's observation
 * </pre>
 * In JSON Lines, {@code observation}/{@code action} may also name one array-valued field.
 *
 * @param file            the mapping file (for messages)
 * @param env             env name
 * @param episode         episode id column
 * @param step            step column
 * @param observation     observation columns (one array-valued field when a single name is given for JSONL)
 * @param action          action columns
 * @param nextObservation next-observation columns, empty when derived
 * @param reward          reward column or null
 * @param rewardFunction  reward function when {@code reward} is null
 * @param terminal        terminal column or null
 * @param timeout         timeout column or null
 */
public record LogMapping(Path file, String env, String episode, String step, List<String> observation,
        List<String> action, List<String> nextObservation, String reward, PickAndPlaceReward rewardFunction,
        String terminal, String timeout) {

    private static final Set<String> KEYS = Set.of("env", "episode", "step", "observation", "action",
            "next_observation", "reward", "reward_function", "terminal", "timeout", "description");

    /** Reads and checks a mapping file; mistakes name the file and key. */
    public static LogMapping read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(TextFiles.readUtf8(file));
        } catch (IOException e) {
            throw new BadInputException(file, "", "is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(file, "", "expected a YAML mapping of keys (env, episode, step, ...)");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new BadInputException(file, "key '" + key + "'", "unknown (expected one of " + KEYS + ")");
            }
        }
        String env = text(file, root, "env", true);
        List<String> obs = names(file, root, "observation", true);
        List<String> act = names(file, root, "action", true);
        List<String> next = names(file, root, "next_observation", false);
        if (!next.isEmpty() && next.size() != obs.size()) {
            throw new BadInputException(file, "key 'next_observation'", "has " + next.size() + " columns, expected "
                    + obs.size() + " (as many as observation)");
        }
        String reward = text(file, root, "reward", false);
        PickAndPlaceReward fn = null;
        if (root.has("reward_function")) {
            fn = PickAndPlaceReward.fromMapping(file, root.get("reward_function"));
        }
        if ((reward == null) == (fn == null)) {
            throw new BadInputException(file, "key 'reward'", "give exactly one of 'reward' (a column) and"
                    + " 'reward_function'");
        }
        return new LogMapping(file, env, text(file, root, "episode", true), text(file, root, "step", true), obs, act,
                next, reward, fn, text(file, root, "terminal", false), text(file, root, "timeout", false));
    }

    static String text(Path file, JsonNode root, String key, boolean required) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new BadInputException(file, "key '" + key + "'", "missing");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new BadInputException(file, "key '" + key + "'", "expected a column name, got " + v);
        }
        return v.asText();
    }

    static List<String> names(Path file, JsonNode root, String key, boolean required) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new BadInputException(file, "key '" + key + "'", "missing (expected a list of column names)");
            }
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v.isTextual()) {
            out.add(v.asText());
        } else if (v.isArray() && v.size() > 0) {
            for (JsonNode n : v) {
                if (!n.isTextual()) {
                    throw new BadInputException(file, "key '" + key + "'", "expected column names, got " + n);
                }
                out.add(n.asText());
            }
        } else {
            throw new BadInputException(file, "key '" + key + "'", "expected a non-empty list of column names");
        }
        return List.copyOf(out);
    }
}
