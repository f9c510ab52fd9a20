package io.oris.pipeline.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --data-root} option every data-reading or -writing subcommand mixes in. Default: the
 * {@code ORIS_DATA_ROOT} environment variable, else {@code ./oris-data}; nothing is written outside it.
 */
public final class DataRootOption {
    /** Default data root when neither the option nor the environment variable is given. */
    public static final String DEFAULT = "./oris-data";

    @Option(names = "--data-root", paramLabel = "DIR",
            description = "Data root (default: $ORIS_DATA_ROOT or ./oris-data).")
    Path dataRoot;

    /** The data root in force, absolute and normalized. */
    public Path path() {
        if (dataRoot != null) {
            return dataRoot.toAbsolutePath().normalize();
        }
        String env = System.getenv("ORIS_DATA_ROOT");
        return Path.of(env == null || env.isBlank() ? DEFAULT : env).toAbsolutePath().normalize();
    }
}
