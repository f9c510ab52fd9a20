package io.oris.pipeline.cli;

import io.oris.pipeline.gan.GanArtifacts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code oris gan list}: the trained GAN folders under {@code <data-root>/gan/} (dataset-hash-seed). */
@Command(name = "list", description = "List the trained GANs under the data root.")
public final class GanListCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DataRootOption dataRoot;

    @Override
    public Integer call() throws IOException {
        Path dir = dataRoot.path().resolve("gan");
        PrintWriter out = spec.commandLine().getOut();
        List<Path> gans;
        try (Stream<Path> s = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            gans = s.filter(p -> Files.isRegularFile(GanArtifacts.checkpoint(p))).sorted().toList();
        }
        if (gans.isEmpty()) {
            out.println("no trained GANs under " + dir + " (a job with ORIS methods trains them in its pretrain-gan stage)");
        }
        for (Path g : gans) {
            out.println(g.getFileName());
        }
        out.flush();
        return 0;
    }
}
