package io.oris.pipeline.cli;

import io.oris.model.oris.RestartSampler;
import io.oris.model.oris.StateGan;
import io.oris.pipeline.gan.GanArtifacts;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oris gan sample ID --n N --out FILE.csv}: N states G(z), z ~ N(0, I), from a trained GAN (with
 * {@code --noise-scale σ}: the restart states G(z) + N(0, (σ·std)²) of ORIS's rollouts), as CSV with the columns of
 * {@code oris datasets export}, so a notebook can set them beside the dataset's states.
 */
@Command(name = "sample", description = "Write N generated states of a trained GAN as CSV (columns s0..).")
public final class GanSampleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DataRootOption dataRoot;

    @Parameters(paramLabel = "ID", description = "GAN folder name (oris gan list shows them).")
    String id;

    @Option(names = "--n", defaultValue = "5000", paramLabel = "N", description = "States to draw (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the draws (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--noise-scale", defaultValue = "0", paramLabel = "SIGMA",
            description = "Add ORIS's restart noise N(0, (SIGMA·state std)²) (default ${DEFAULT-VALUE}: G(z) alone).")
    double noiseScale;

    @Override
    public Integer call() throws Exception {
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--n must be at least 1, got " + n);
        }
        StateGan gan = GanArtifacts.load(dataRoot.path().resolve("gan").resolve(id));
        RestartSampler sampler = new RestartSampler(gan, noiseScale);
        SplittableRandom rng = new SplittableRandom(seed);
        int d = gan.obsDim();
        double[] states = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(sampler.sample(rng), 0, states, i * d, d);
        }
        StatesCsv.write(out, states, n, d);
        spec.commandLine().getOut().printf("%s: %,d generated states (%d dims, noise scale %s) written to %s%n", id, n, d,
                noiseScale, out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
