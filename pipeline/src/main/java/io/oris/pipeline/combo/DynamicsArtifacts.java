package io.oris.pipeline.combo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oris.model.combo.DynamicsEnsemble;
import io.oris.model.combo.DynamicsTrainer;
import io.oris.model.config.DynamicsConfig;
import io.oris.model.config.LearnerConfig;
import io.oris.model.replay.Transitions;
import io.oris.orchestration.Fingerprints;
import io.oris.orchestration.sweep.DynamicsSpec;
import io.oris.pipeline.train.RunConfig;
import io.oris.storage.AtomicPublish;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * COMBO's pre-trained dynamics model as a data-root artifact, like ORIS's GAN: {@code <data-root>/dynamics/
 * <dataset>-<hash of the resolved DynamicsConfig>-s<seed>/} holds {@code dynamics.bin}
 * ({@link DynamicsEnsemble#checkpoint}), {@code curve.csv} (epoch, training loss, mean held-out MSE, members improved)
 * and {@code dynamics.json} (dataset, resolved settings, seed). The pretrain-dynamics stage trains it
 * ({@link #train}) and publishes the folder atomically; a COMBO run only loads it ({@link #load}) and fails, naming
 * the folder, when it is missing.
 */
public final class DynamicsArtifacts {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DynamicsArtifacts() {
    }

    /** The model a COMBO run reads (its {@code dynamics.*} hyperparameters and its config's {@code dynamics} seed). */
    public static DynamicsSpec of(RunConfig config) {
        return DynamicsSpec.fromConfig(config.runId(), config.datasetId(), config.hyperparameters(), config.dynamics());
    }

    /** The model's config: the model's defaults with the spec's settings applied; a bad setting fails, naming it. */
    public static DynamicsConfig config(DynamicsSpec spec) {
        try {
            return LearnerConfig.defaults().withOverrides(spec.overrides()).dynamics();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dynamics model of " + spec.label() + ": " + e.getMessage(), e);
        }
    }

    /** The folder of the model {@code spec} names. */
    public static Path dir(Path dataRoot, DynamicsSpec spec) {
        return dir(dataRoot, spec.datasetId(), config(spec), spec.seed());
    }

    /** The folder of the model of {@code datasetId} trained with {@code cfg} and {@code seed}. */
    public static Path dir(Path dataRoot, String datasetId, DynamicsConfig cfg, long seed) {
        String hash = Fingerprints.sha256Hex(Fingerprints.canonicalJson(settings(cfg))).substring(0, 10);
        return dataRoot.resolve("dynamics").resolve(datasetId + "-" + hash + "-s" + seed);
    }

    public static Path checkpoint(Path dir) {
        return dir.resolve("dynamics.bin");
    }

    public static Path curve(Path dir) {
        return dir.resolve("curve.csv");
    }

    public static Path description(Path dir) {
        return dir.resolve("dynamics.json");
    }

    /**
     * Trains the model {@code spec} names on {@code offline} with its seed and publishes its folder atomically (filled
     * under a hidden sibling, then renamed into place); returns the training result.
     */
    public static DynamicsTrainer.Result train(Path dataRoot, DynamicsSpec spec, Transitions offline) {
        DynamicsConfig cfg = config(spec);
        DynamicsTrainer.Result r = new DynamicsTrainer(cfg, spec.seed()).train(offline);
        AtomicPublish.writeFolder(dir(dataRoot, spec), staged -> {
            r.model().checkpoint(checkpoint(staged));
            StringBuilder csv = new StringBuilder("epoch,train_loss,holdout_mse,members_improved\n");
            for (DynamicsTrainer.EpochPoint p : r.curve()) {
                csv.append(p.epoch()).append(',').append(p.trainLoss()).append(',').append(p.holdoutMse()).append(',')
                        .append(p.improved()).append('\n');
            }
            Files.writeString(curve(staged), csv.toString());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("dataset", spec.datasetId());
            d.put("settings", settings(cfg));
            d.put("seed", spec.seed());
            Files.write(description(staged), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(d));
            return null;
        });
        return r;
    }

    /**
     * The model {@code spec} names, from its folder; fails, naming the folder, when the pretrain-dynamics stage has
     * not written it (a train task never trains the model itself).
     */
    public static DynamicsEnsemble load(Path dataRoot, DynamicsSpec spec, String runId) {
        Path dir = dir(dataRoot, spec);
        Path file = checkpoint(dir);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("run " + runId + ": its pre-trained dynamics model " + dir + " (dataset "
                    + spec.datasetId() + ", seed " + spec.seed() + ") is missing " + file.getFileName()
                    + " (the pretrain-dynamics stage writes it: run the job, or oris stage pretrain-dynamics)");
        }
        try {
            return DynamicsEnsemble.load(file, config(spec), DataType.FLOAT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the dynamics model " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> settings(DynamicsConfig cfg) {
        return new TreeMap<>(MAPPER.convertValue(cfg, Map.class));
    }
}
