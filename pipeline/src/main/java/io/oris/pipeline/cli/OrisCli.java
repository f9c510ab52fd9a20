package io.oris.pipeline.cli;

import io.oris.model.nn.NativeThreads;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code oris} command line: one entry point for every stage, benchmark and tool, so the same jar
 * serves the launcher, {@code spark-submit} and Airflow tasks. Exit codes: 0 done, 1 a run or stage failed,
 * 2 usage error, 3 bad input ({@link ErrorReporter}).
 */
@Command(name = "oris",
        // every subcommand inherits --help, --version and the exit-code list
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        version = "oris 0.1.0",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:a run or stage failed (the others went on; see the report and status.json)",
            "2:usage error (unknown subcommand or option, missing argument)",
            "3:bad input (job file, dataset, HDF5, robot log, mapping: the message names the file and field)"},
        description = "Offline RL with inaccurate simulators: ORIS, H2O and baselines as a staged Spark pipeline.",
        subcommands = {
            DemoCommand.class,
            IngestCommand.class,
            CollectCommand.class,
            EnvCommand.class,
            DatasetsCommand.class,
            GanCommand.class,
            BenchCommand.class,
            PlanCommand.class,
            RunCommand.class,
            ResultsCommand.class,
            ExportPolicyCommand.class,
            StageCommand.class,
            SubmitCommand.class,
            AirflowCommand.class,
            CommandLine.HelpCommand.class
        })
public final class OrisCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code --quiet} / {@code --verbose}, accepted by every subcommand (inherited options). */
    @CommandLine.Option(names = {"-q", "--quiet"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Only warnings and errors (progress lines hidden; tables and report paths still printed).")
    void quiet(boolean on) {
        quiet = on;
        verbosity();
    }

    private boolean quiet;
    private boolean verbose;

    private void verbosity() {
        if (quiet && verbose) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--quiet and --verbose exclude each other");
        }
        Progress.verbosity(quiet, verbose);
    }

    @CommandLine.Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Debug lines of oris and Spark's own INFO log.")
    void verbose(boolean on) {
        verbose = on;
        verbosity();
    }

    /**
     * {@code --threads N}, accepted by every subcommand: the native math threads (OpenBLAS, ND4J's OpenMP pool) of
     * each training task in this JVM and in the Spark executors it starts. The program pins them itself, so
     * {@code java -jar}, Airflow tasks and the launcher behave alike whatever {@code OMP_NUM_THREADS} says.
     */
    @CommandLine.Option(names = "--threads", scope = CommandLine.ScopeType.INHERIT, paramLabel = "N",
            description = "Native math threads per training task (OpenBLAS and ND4J; default: $ORIS_NATIVE_THREADS or 1)."
                    + " Results are bit-reproducible only against runs with the same count.")
    void threads(int n) {
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads: expected a whole number >= 1, got " + n);
        }
        NativeThreads.configure(n);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the command line with the project's exception handling (one clear line, no stack trace unless asked). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new OrisCli());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        return cli;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }
}
