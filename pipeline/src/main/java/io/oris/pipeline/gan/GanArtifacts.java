package io.oris.pipeline.gan;

import io.oris.model.config.GanConfig;
import io.oris.orchestration.descriptor.HyperparameterKeys;
import io.oris.orchestration.sweep.GanSpec;
import io.oris.pipeline.train.RunConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where a pre-trained ORIS GAN lives and with which settings: {@code <data-root>/gan/<dataset>-<hash>-s<seed>/}
 * ({@link GanSpec#folderName()}: the hash covers the GAN settings, the suffix is the seed it was trained with) holds
 * {@code gan.bin} (generator and discriminator) and {@code curves.parquet}. An ORIS run reads the GAN its config's
 * {@code gan} section names, so a run never reads a GAN of another seed or with settings it did not ask for.
 */
public final class GanArtifacts {
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
        return new GanConfig(
                sizes(settings, "generatorHidden", d.generatorHidden()),
                sizes(settings, "discriminatorHidden", d.discriminatorHidden()),
                integer(settings, "noiseDim", d.noiseDim()),
                integer(settings, "steps", d.steps()),
                integer(settings, "batch", d.batch()),
                number(settings, "lr", d.lr()),
                number(settings, "beta1", d.beta1()),
                flag(settings, "nonSaturating", d.nonSaturating()),
                integer(settings, "curveEvery", d.curveEvery()));
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
