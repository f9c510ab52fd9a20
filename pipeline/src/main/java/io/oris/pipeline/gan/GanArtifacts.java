package io.oris.pipeline.gan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oris.model.config.GanConfig;
import io.oris.model.oris.StateGan;
import io.oris.orchestration.descriptor.HyperparameterKeys;
import io.oris.orchestration.sweep.GanSpec;
import io.oris.pipeline.train.RunConfig;
import io.oris.storage.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Where a pre-trained ORIS GAN lives and with which settings: {@code <data-root>/gan/<dataset>-<hash>-s<seed>/}
 * ({@link GanSpec#folderName()}: the hash covers the GAN settings, the suffix is the seed it was trained with) holds
 * {@code gan.bin} (generator and discriminator), {@code curves.parquet} and {@code gan.json} (dataset, settings, seed). An ORIS run reads the GAN its config's
 * {@code gan} section names, so a run never reads a GAN of another seed or with settings it did not ask for.
 */
public final class GanArtifacts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private GanArtifacts() {
    }

    /** The folder of {@code gan}. */
    public static Path dir(Path dataRoot, GanSpec gan) {
        return dataRoot.resolve("gan").resolve(gan.folderName());
    }

    /** The GAN a run reads (from its config's {@code gan} section); fails, naming the run, when it has none. */
    public static GanSpec of(RunConfig config) {
        return GanSpec.fromConfig(config.runId(), config.datasetId(), config.gan());
    }

    public static Path checkpoint(Path dir) {
        return dir.resolve("gan.bin");
    }

    public static Path curves(Path dir) {
        return dir.resolve("curves.parquet");
    }

    /** {@code gan.json}: the GAN's dataset, settings and seed ({@link GanSpec#config()}), so it can be loaded alone. */
    public static Path description(Path dir) {
        return dir.resolve("gan.json");
    }

    /** Writes {@code gan.json} for {@code gan} into {@code dir}. */
    public static void describe(Path dir, GanSpec gan) throws IOException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("dataset", gan.datasetId());
        d.put("settings", new TreeMap<>(gan.settings()));
        d.put("seed", gan.seed());
        Files.write(description(dir), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(d));
    }

    /**
     * Loads the GAN of a folder under {@code <data-root>/gan/}, with the settings its {@code gan.json} records; a
     * folder made before {@code gan.json} existed is read with the default settings (its checkpoint's sizes must
     * then match them, else the error says so).
     */
    public static StateGan load(Path dir) throws IOException {
        Path checkpoint = checkpoint(dir);
        if (!Files.isRegularFile(checkpoint)) {
            throw new BadInputException(dir, "gan.bin", "is missing: not a trained GAN folder"
                    + " (the pretrain-gan stage publishes gan.bin, curves.parquet and gan.json)");
        }
        Map<String, Object> settings = Map.of();
        Path json = description(dir);
        if (Files.isRegularFile(json)) {
            Object s = JSON.readValue(Files.readAllBytes(json), Map.class).get("settings");
            if (!(s instanceof Map<?, ?> m)) {
                throw new BadInputException(json, "settings", "expected an object of GAN settings");
            }
            Map<String, Object> typed = new LinkedHashMap<>();
            m.forEach((k, v) -> typed.put(String.valueOf(k), v));
            settings = typed;
        }
        try {
            return StateGan.load(checkpoint, config(settings), DataType.FLOAT);
        } catch (RuntimeException e) {
            throw new BadInputException(checkpoint, "generator/discriminator", "does not match the GAN"
                    + " settings " + (Files.isRegularFile(json) ? "in " + json : "(defaults; no gan.json)")
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The model's GAN config for a GAN's settings (the {@code GanConfig} field names, as {@link GanSpec#settings()}
     * holds them; unset fields keep the model's documented defaults). An unknown setting or a value of the wrong type
     * fails, naming it, rather than falling back to a default.
     */
    public static GanConfig config(Map<String, Object> settings) {
        GanConfig d = GanConfig.defaults();
        for (String key : settings.keySet()) {
            if (!HyperparameterKeys.GAN.contains(HyperparameterKeys.GAN_PREFIX + key)) {
                TreeSet<String> known = new TreeSet<>();
                HyperparameterKeys.GAN.forEach(k -> known.add(k.substring(HyperparameterKeys.GAN_PREFIX.length())));
                throw new IllegalArgumentException("unknown GAN setting '" + key + "'; expected one of " + known);
            }
        }
        return GanConfig.builder()
                .generatorHidden(sizes(settings, "generatorHidden", d.generatorHidden()))
                .discriminatorHidden(sizes(settings, "discriminatorHidden", d.discriminatorHidden()))
                .noiseDim(integer(settings, "noiseDim", d.noiseDim()))
                .steps(integer(settings, "steps", d.steps()))
                .batch(integer(settings, "batch", d.batch()))
                .lr(number(settings, "lr", d.lr()))
                .beta1(number(settings, "beta1", d.beta1()))
                .nonSaturating(flag(settings, "nonSaturating", d.nonSaturating()))
                .curveEvery(integer(settings, "curveEvery", d.curveEvery()))
                .build();
    }

    private static List<Integer> sizes(Map<String, Object> settings, String key, List<Integer> dflt) {
        Object v = settings.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(x -> x instanceof Number)) {
            throw bad(key, v, "a non-empty list of layer sizes, e.g. [256, 256]");
        }
        List<Integer> out = new ArrayList<>();
        list.forEach(x -> out.add(((Number) x).intValue()));
        return out;
    }

    private static int integer(Map<String, Object> settings, String key, int dflt) {
        Object v = settings.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw bad(key, v, "an integer");
        }
        return Math.toIntExact(n.longValue());
    }

    private static double number(Map<String, Object> settings, String key, double dflt) {
        Object v = settings.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number n)) {
            throw bad(key, v, "a number");
        }
        return n.doubleValue();
    }

    private static boolean flag(Map<String, Object> settings, String key, boolean dflt) {
        Object v = settings.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Boolean b)) {
            throw bad(key, v, "true or false");
        }
        return b;
    }

    private static IllegalArgumentException bad(String key, Object value, String expected) {
        return new IllegalArgumentException("GAN setting '" + key + "': expected " + expected + ", found " + value);
    }
}
