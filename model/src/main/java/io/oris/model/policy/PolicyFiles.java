package io.oris.model.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.oris.model.learner.PolicyExport;
import io.oris.model.learner.PolicyHead;
import io.oris.model.learner.StateNormalizer;
import io.oris.model.nn.HostMlp;
import io.oris.storage.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy snapshot format ({@code oris-policy/1}, docs/architecture.md §5): a folder with {@code policy.json} and
 * one float32 {@code .npy} per weight matrix ({@code layer<l>_weight.npy}, shape [in, out], so a layer is
 * {@code h @ W + b}) and bias ({@code layer<l>_bias.npy}, shape [out]); ReLU after every layer but the last. The head
 * ({@link PolicyHead}) and the observation normalisation ({@code obs_mean.npy}, {@code obs_scale.npy}, float64:
 * {@code (obs − mean) / scale}, computed before the float32 network) are described in {@code policy.json}. NumPy
 * alone reads it ({@code model/src/main/python/oris_policy.py}). About 4 bytes per actor parameter: the evaluation
 * snapshots of a run hold this instead of the full learner state, which stays in the resume checkpoint.
 */
public final class PolicyFiles {
    /** The value of {@code format} in {@code policy.json}. */
    public static final String FORMAT = "oris-policy/1";
    /** The description file of a policy snapshot. */
    public static final String POLICY_JSON = "policy.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PolicyFiles() {
    }

    /** True when {@code dir} holds a policy snapshot (its {@code policy.json}). */
    public static boolean isPolicySnapshot(Path dir) {
        return Files.isRegularFile(dir.resolve(POLICY_JSON));
    }

    /**
     * Writes {@code export} into the existing folder {@code dir} (the caller stages and publishes the folder);
     * {@code about} (method, step, ...) is copied into {@code policy.json} as is, for people reading it.
     */
    public static void write(PolicyExport export, Path dir, Map<String, Object> about) throws IOException {
        HostMlp net = export.net();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("about", about);
        json.put("obs_dim", export.obsDim());
        json.put("act_dim", export.actDim());
        json.put("dtype", "float32");
        List<Map<String, Object>> layers = new ArrayList<>();
        for (int l = 0; l < net.layers(); l++) {
            int in = net.size(l);
            int out = net.size(l + 1);
            String w = "layer" + l + "_weight.npy";
            String b = "layer" + l + "_bias.npy";
            Npy.write(dir.resolve(w), net.weights(l), in, out);
            Npy.write(dir.resolve(b), net.bias(l), out);
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("weight", w);
            layer.put("bias", b);
            layer.put("in", in);
            layer.put("out", out);
            layer.put("activation", l < net.layers() - 1 ? "relu" : "linear");
            layers.add(layer);
        }
        json.put("layers", layers);
        json.put("head", head(export.head(), dir));
        StateNormalizer n = export.normalizer();
        if (n == null) {
            json.put("obs_normalization", null);
        } else {
            Npy.write(dir.resolve("obs_mean.npy"), n.mean(), n.obsDim());
            Npy.write(dir.resolve("obs_scale.npy"), n.scale(), n.obsDim());
            json.put("obs_normalization", Map.of("mean", "obs_mean.npy", "scale", "obs_scale.npy",
                    "formula", "(obs - mean) / scale, in float64, then cast to float32"));
        }
        json.put("deterministic_action", "tanh(y[:act_dim]) where y is the network's output");
        Files.writeString(dir.resolve(POLICY_JSON), JSON.writeValueAsString(json));
    }

    private static Map<String, Object> head(PolicyHead head, Path dir) throws IOException {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("kind", head.kind());
        if (head instanceof PolicyHead.TanhGaussian g) {
            h.put("mean", List.of(0, g.actDim()));
            h.put("log_std", List.of(g.actDim(), 2 * g.actDim()));
            h.put("log_std_min", g.logStdMin());
            h.put("log_std_max", g.logStdMax());
            h.put("log_std_multiplier", g.multiplier());
            h.put("log_std_offset", g.offset());
            h.put("action", "tanh(mean + exp(clip(log_std_multiplier * log_std + log_std_offset, log_std_min,"
                    + " log_std_max)) * eps)");
        } else if (head instanceof PolicyHead.TanhMeanGaussian g) {
            Npy.write(dir.resolve("log_std.npy"), g.logStd(), g.actDim());
            h.put("log_std", "log_std.npy");
            h.put("action", "clip(tanh(y) + exp(log_std) * eps, -1, 1)");
        } else {
            h.put("action", "tanh(y)");
        }
        return h;
    }

    /** Reads a policy snapshot; a missing or malformed part fails naming the file, the field and what was expected. */
    public static PolicyExport read(Path dir) throws IOException {
        Path file = dir.resolve(POLICY_JSON);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "", "no policy snapshot here (expected " + POLICY_JSON + " written by oris,"
                    + " format " + FORMAT + ")");
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new BadInputException(file, "", "not JSON: " + e.getMessage(), e);
        }
        String format = text(file, root, "format");
        if (!FORMAT.equals(format)) {
            throw new BadInputException(file, "format", "expected '" + FORMAT + "', found '" + format + "'");
        }
        JsonNode layers = root.path("layers");
        if (!layers.isArray() || layers.isEmpty()) {
            throw new BadInputException(file, "layers", "expected a non-empty list of layers");
        }
        int n = layers.size();
        int[] sizes = new int[n + 1];
        float[][] weights = new float[n][];
        float[][] biases = new float[n][];
        for (int l = 0; l < n; l++) {
            JsonNode layer = layers.get(l);
            String where = "layers[" + l + "]";
            Npy.Array w = array(dir, file, layer, where + ".weight", "weight", "<f4");
            Npy.Array b = array(dir, file, layer, where + ".bias", "bias", "<f4");
            if (w.shape().length != 2 || b.shape().length != 1 || b.shape()[0] != w.shape()[1]) {
                throw new BadInputException(file, where, "expected weight [in, out] and bias [out], found "
                        + java.util.Arrays.toString(w.shape()) + " and " + java.util.Arrays.toString(b.shape()));
            }
            if (l > 0 && w.shape()[0] != sizes[l]) {
                throw new BadInputException(file, where + ".weight", "expected " + sizes[l] + " inputs (the previous"
                        + " layer's outputs), found " + w.shape()[0]);
            }
            String activation = text(file, layer, "activation");
            String expected = l < n - 1 ? "relu" : "linear";
            if (!expected.equals(activation)) {
                throw new BadInputException(file, where + ".activation", "expected '" + expected + "', found '"
                        + activation + "'");
            }
            sizes[l] = w.shape()[0];
            sizes[l + 1] = w.shape()[1];
            weights[l] = w.floats();
            biases[l] = b.floats();
        }
        HostMlp net = new HostMlp(sizes, weights, biases);
        PolicyHead head = readHead(dir, file, root.path("head"), sizes[n]);
        StateNormalizer normalizer = null;
        JsonNode norm = root.path("obs_normalization");
        if (!norm.isMissingNode() && !norm.isNull()) {
            double[] mean = array(dir, file, norm, "obs_normalization.mean", "mean", "<f8").values();
            double[] scale = array(dir, file, norm, "obs_normalization.scale", "scale", "<f8").values();
            if (mean.length != sizes[0] || scale.length != sizes[0]) {
                throw new BadInputException(file, "obs_normalization", "expected " + sizes[0] + " values of mean and"
                        + " scale, found " + mean.length + " and " + scale.length);
            }
            normalizer = StateNormalizer.of(mean, scale);
        }
        return new PolicyExport(net, head, normalizer);
    }

    private static PolicyHead readHead(Path dir, Path file, JsonNode h, int outputs) throws IOException {
        String kind = text(file, h, "kind");
        switch (kind) {
            case PolicyHead.TanhGaussian.KIND -> {
                if (outputs % 2 != 0) {
                    throw new BadInputException(file, "head", "a tanh_gaussian head needs an even number of network"
                            + " outputs, found " + outputs);
                }
                return new PolicyHead.TanhGaussian(outputs / 2, number(file, h, "log_std_min"),
                        number(file, h, "log_std_max"), number(file, h, "log_std_multiplier"),
                        number(file, h, "log_std_offset"));
            }
            case PolicyHead.TanhMeanGaussian.KIND -> {
                double[] logStd = array(dir, file, h, "head.log_std", "log_std", "<f8").values();
                if (logStd.length != outputs) {
                    throw new BadInputException(file, "head.log_std", "expected " + outputs + " values, found "
                            + logStd.length);
                }
                return new PolicyHead.TanhMeanGaussian(logStd);
            }
            case PolicyHead.DeterministicTanh.KIND -> {
                return new PolicyHead.DeterministicTanh(outputs);
            }
            default -> throw new BadInputException(file, "head.kind", "expected " + PolicyHead.TanhGaussian.KIND + ", "
                    + PolicyHead.TanhMeanGaussian.KIND + " or " + PolicyHead.DeterministicTanh.KIND + ", found '"
                    + kind + "'");
        }
    }

    private static Npy.Array array(Path dir, Path file, JsonNode node, String where, String key, String dtype)
            throws IOException {
        String name = text(file, node, key, where);
        Path p = dir.resolve(name);
        if (name.contains("/") || name.contains("\\") || !Files.isRegularFile(p)) {
            throw new BadInputException(file, where, "expected a .npy file in " + dir + ", found '" + name + "'");
        }
        Npy.Array a = Npy.read(p);
        if (!a.dtype().equals(dtype)) {
            throw new BadInputException(p, "descr", "expected '" + dtype + "', found '" + a.dtype() + "'");
        }
        return a;
    }

    private static String text(Path file, JsonNode node, String key) {
        return text(file, node, key, key);
    }

    private static String text(Path file, JsonNode node, String key, String where) {
        JsonNode v = node.path(key);
        if (!v.isTextual()) {
            throw new BadInputException(file, where, "expected a string, found " + (v.isMissingNode() ? "nothing" : v));
        }
        return v.asText();
    }

    private static double number(Path file, JsonNode node, String key) {
        JsonNode v = node.path(key);
        if (!v.isNumber()) {
            throw new BadInputException(file, "head." + key, "expected a number, found "
                    + (v.isMissingNode() ? "nothing" : v));
        }
        return v.asDouble();
    }
}
