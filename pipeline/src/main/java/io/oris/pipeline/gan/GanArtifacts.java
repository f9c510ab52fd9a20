package io.oris.pipeline.gan;

import io.oris.model.config.GanConfig;
import io.oris.orchestration.Fingerprints;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the pre-trained GAN of a dataset lives and with which settings: {@code <data-root>/gan/<dataset>-<hash>/}
 * holds {@code gan.bin} (generator and discriminator) and {@code curves.parquet}; the hash covers the GAN
 * settings, so ORIS runs with other GAN settings never read a GAN they did not ask for.
 */
public final class GanArtifacts {
    private GanArtifacts() {
    }

    /** The folder of the GAN of {@code datasetId} trained with {@code settings} (the run config's {@code gan} map). */
    public static Path dir(Path dataRoot, String datasetId, Map<String, Object> settings) {
        String hash = Fingerprints.sha256Hex(Fingerprints.canonicalJson(new TreeMap<>(settings))).substring(0, 10);
        return dataRoot.resolve("gan").resolve(datasetId + "-" + hash);
    }

    public static Path checkpoint(Path dir) {
        return dir.resolve("gan.bin");
    }

    public static Path curves(Path dir) {
        return dir.resolve("curves.parquet");
    }

    /** The model's GAN config for the job's settings (unset keys keep the model's documented defaults). */
    @SuppressWarnings("unchecked")
    public static GanConfig config(Map<String, Object> settings) {
        GanConfig d = GanConfig.defaults();
        List<Integer> hidden = settings.get("hidden") instanceof List<?> h ? (List<Integer>) h : d.generatorHidden();
        int noiseDim = settings.get("noise_dim") instanceof Number n ? n.intValue() : d.noiseDim();
        int steps = settings.get("steps") instanceof Number n ? n.intValue() : d.steps();
        int batch = settings.get("batch_size") instanceof Number n ? n.intValue() : d.batch();
        double lr = settings.get("learning_rate") instanceof Number n ? n.doubleValue() : d.lr();
        return new GanConfig(hidden, hidden, noiseDim, steps, batch, lr, d.beta1(), d.nonSaturating(), d.curveEvery());
    }
}
