package io.oris.storage.logs;

import com.fasterxml.jackson.databind.JsonNode;
import io.oris.storage.BadInputException;
import java.nio.file.Path;
import java.util.List;

/**
 * The ORIS pick-and-place reward, {@code r = −0.1 + 0.1·[d1 < 0.1] + 20·[d2 < 0.05]}, where d1 is the
 * distance from the gripper to the object and d2 the distance from the object to the goal, for logs that
 * carry no reward. Evaluated on the state reached by the step (the next observation).
 *
 * @param gripper      indices of the gripper position (x, y, z) in the observation
 * @param object       indices of the object position in the observation
 * @param goal         fixed goal position
 * @param gripperNames the mapping's gripper columns ({@code #k} for an index)
 * @param objectNames  the mapping's object columns
 */
public record PickAndPlaceReward(int[] gripper, int[] object, double[] goal, List<String> gripperNames,
        List<String> objectNames) {
    /** The name used in mappings. */
    public static final String NAME = "pick-and-place";

    /** The reward of reaching observation {@code obs} (at {@code offset} in a flat array). */
    public float reward(float[] obs, int offset) {
        double d1 = 0;
        double d2 = 0;
        for (int k = 0; k < 3; k++) {
            double g = obs[offset + gripper[k]];
            double o = obs[offset + object[k]];
            d1 += (g - o) * (g - o);
            d2 += (o - goal[k]) * (o - goal[k]);
        }
        return (float) (-0.1 + (Math.sqrt(d1) < 0.1 ? 0.1 : 0.0) + (Math.sqrt(d2) < 0.05 ? 20.0 : 0.0));
    }

    /** Parses the {@code reward_function} block of a mapping (indices are bound later by {@link #bind}). */
    static PickAndPlaceReward fromMapping(Path file, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new BadInputException(file, "key 'reward_function'", "expected a mapping with name, gripper, object, goal");
        }
        String name = LogMapping.text(file, node, "name", true);
        if (!NAME.equals(name)) {
            throw new BadInputException(file, "key 'reward_function.name'", "unknown reward function '" + name
                    + "' (known: " + NAME + ")");
        }
        List<String> gripper = positions(file, node, "gripper");
        List<String> object = positions(file, node, "object");
        JsonNode goalNode = node.get("goal");
        if (gripper.size() != 3 || object.size() != 3 || goalNode == null || !goalNode.isArray() || goalNode.size() != 3) {
            throw new BadInputException(file, "key 'reward_function'", "gripper and object need 3 observation columns"
                    + " each and goal 3 numbers");
        }
        double[] goal = new double[3];
        for (int k = 0; k < 3; k++) {
            if (!goalNode.get(k).isNumber()) {
                throw new BadInputException(file, "key 'reward_function.goal'", "expected numbers, got " + goalNode);
            }
            goal[k] = goalNode.get(k).asDouble();
        }
        return new PickAndPlaceReward(null, null, goal, gripper, object);
    }

    /** Column names, or observation indices written as integers (for array-valued observation fields). */
    private static List<String> positions(Path file, JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isArray()) {
            throw new BadInputException(file, "key 'reward_function." + key + "'", "expected a list of 3 observation"
                    + " column names or indices");
        }
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode n : v) {
            if (n.isInt()) {
                out.add("#" + n.asInt());
            } else if (n.isTextual()) {
                out.add(n.asText());
            } else {
                throw new BadInputException(file, "key 'reward_function." + key + "'", "expected names or indices, got " + n);
            }
        }
        return List.copyOf(out);
    }

    /** This function with its column names resolved to observation indices ({@code obsWidth} bounds indices). */
    PickAndPlaceReward bind(Path mappingFile, List<String> observationColumns, int obsWidth) {
        return new PickAndPlaceReward(indices(mappingFile, gripperNames, observationColumns, obsWidth, "gripper"),
                indices(mappingFile, objectNames, observationColumns, obsWidth, "object"), goal, gripperNames,
                objectNames);
    }

    private static int[] indices(Path file, List<String> names, List<String> obs, int width, String what) {
        int[] out = new int[names.size()];
        for (int i = 0; i < out.length; i++) {
            String name = names.get(i);
            out[i] = name.startsWith("#") ? Integer.parseInt(name.substring(1)) : obs.indexOf(name);
            if (out[i] < 0 || out[i] >= width) {
                throw new BadInputException(file, "key 'reward_function." + what + "'", "'" + name
                        + "' is not an observation column " + obs + " nor an index below " + width);
            }
        }
        return out;
    }
}
