package io.oris.pipeline.combo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oris.model.combo.DynamicsEnsemble;
import io.oris.model.combo.DynamicsTrainer;
import io.oris.model.config.DynamicsConfig;
import io.oris.model.replay.Transitions;
import io.oris.orchestration.Fingerprints;
import io.oris.storage.AtomicPublish;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * COMBO's pre-trained dynamics model as a data-root artifact, like ORIS's GAN: {@code <data-root>/dynamics/
 * <dataset>-<hash of the dynamics settings>-s<seed>/} holds {@code dynamics.bin} ({@link DynamicsEnsemble#checkpoint})
 * and {@code curve.csv} (epoch, training loss, mean held-out MSE, members improved). A COMBO run trains it with its
 * own seed the first time it is needed and reuses it afterwards (a retried or resumed run never retrains it); the
 * pipeline has no separate stage for it yet, so the training runs inside the first train task that needs it.
 */
public final class DynamicsArtifacts {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DynamicsArtifacts() {
    }

    /** The folder of the model of {@code datasetId} trained with {@code cfg} and {@code seed}. */
    public static Path dir(Path dataRoot, String datasetId, DynamicsConfig cfg, long seed) {
        Map<String, Object> settings = new TreeMap<>(MAPPER.convertValue(cfg, Map.class));
        String hash = Fingerprints.sha256Hex(Fingerprints.canonicalJson(settings)).substring(0, 10);
        return dataRoot.resolve("dynamics").resolve(datasetId + "-" + hash + "-s" + seed);
    }

    public static Path checkpoint(Path dir) {
        return dir.resolve("dynamics.bin");
    }

    /** The model from its folder, trained on {@code offline} (and written there) when it is not there yet. */
    public static DynamicsEnsemble loadOrTrain(Path dataRoot, String datasetId, DynamicsConfig cfg, long seed,
                                               Transitions offline) {
        Path dir = dir(dataRoot, datasetId, cfg, seed);
        Path file = checkpoint(dir);
        try {
            if (Files.exists(file)) {
                return DynamicsEnsemble.load(file, cfg, DataType.FLOAT);
            }
            DynamicsTrainer.Result r = new DynamicsTrainer(cfg, seed).train(offline);
            Files.createDirectories(dir);
            StringBuilder csv = new StringBuilder("epoch,train_loss,holdout_mse,members_improved\n");
            for (DynamicsTrainer.EpochPoint p : r.curve()) {
                csv.append(p.epoch()).append(',').append(p.trainLoss()).append(',').append(p.holdoutMse()).append(',')
                        .append(p.improved()).append('\n');
            }
            AtomicPublish.writeString(dir.resolve("curve.csv"), csv.toString());
            r.model().checkpoint(file);
            return r.model();
        } catch (IOException e) {
            throw new UncheckedIOException("dynamics model " + file + ": " + e.getMessage(), e);
        }
    }
}
