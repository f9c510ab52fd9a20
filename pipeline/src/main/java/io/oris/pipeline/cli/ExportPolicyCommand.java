package io.oris.pipeline.cli;

import io.oris.model.learner.PolicyExport;
import io.oris.model.policy.PolicyFiles;
import io.oris.pipeline.export.OnnxPolicy;
import io.oris.pipeline.runs.RunDirectory;
import io.oris.pipeline.train.ModelLearners;
import io.oris.pipeline.train.RunConfig;
import io.oris.pipeline.train.SnapshotPolicies;
import io.oris.storage.AtomicPublish;
import io.oris.storage.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oris export-policy RUN [--step N] --format onnx|npy [--out PATH]}: a run's policy at a snapshot step for use
 * outside oris (a robot, a notebook). {@code onnx} writes the deterministic action (tanh of the mean, after the
 * learner's observation normalisation) as one ONNX model ({@link OnnxPolicy}); {@code npy} writes the policy snapshot
 * folder ({@link PolicyFiles}: .npy arrays and policy.json, read by {@code oris_policy.py} with NumPy alone). The
 * output is written under a temporary name and renamed into place.
 */
@Command(name = "export-policy",
        description = "Write a run's policy at a snapshot step as an ONNX model or as .npy arrays + policy.json.")
public final class ExportPolicyCommand implements Callable<Integer> {
    /** The formats of {@code --format}. */
    public enum Format { onnx, npy }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DataRootOption dataRoot;

    @Parameters(paramLabel = "RUN", description = "Run id (the folder name under <data-root>/runs/).")
    String runId;

    @Option(names = "--step", paramLabel = "N", description = "Snapshot step (default: the run's last snapshot).")
    Long step;

    @Option(names = "--format", defaultValue = "onnx", paramLabel = "FORMAT",
            description = "onnx (one model file) or npy (a folder of .npy arrays and policy.json); default ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--out", paramLabel = "PATH",
            description = "File (onnx) or folder (npy) to write (default: <run>-step-<N>.onnx, or the folder <run>-step-<N>).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path root = dataRoot.path();
        RunDirectory dir = RunDirectory.of(root, runId);
        if (!Files.isRegularFile(dir.configFile())) {
            throw new BadInputException(dir.dir(), "", "no run " + runId + " here (expected its config.json)");
        }
        List<Long> steps = dir.snapshotSteps();
        if (steps.isEmpty()) {
            throw new BadInputException(dir.snapshotsDir(), "", "run " + runId + " has no snapshots yet");
        }
        long at = step == null ? steps.get(steps.size() - 1) : step;
        RunConfig config = new RunConfig(runId, dir.readConfig());
        PolicyExport export = SnapshotPolicies.load(root, config, at, new ModelLearners());
        Path target = out != null ? out : Path.of(runId + "-step-" + at + (format == Format.onnx ? ".onnx" : ""));
        target = target.toAbsolutePath().normalize();
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("run_id", runId);
        about.put("method", config.learnerName());
        about.put("env", config.env());
        about.put("step", at);
        if (format == Format.onnx) {
            byte[] model = OnnxPolicy.model(export, spec.root().version()[0], "oris policy " + about
                    + ": action = tanh(network(normalised obs)[:, :act_dim])");
            AtomicPublish.writeFile(target, o -> o.write(model));
        } else {
            AtomicPublish.writeFolder(target, staged -> {
                PolicyFiles.write(export, staged, about);
                return null;
            });
        }
        spec.commandLine().getOut().printf("run %s step %d (%s, %s): %s policy (%d observations -> %d actions%s) written"
                        + " to %s%n", runId, at, config.learnerName(), config.env(), format, export.obsDim(),
                export.actDim(), export.normalizer() == null ? "" : ", observations normalised", target);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
