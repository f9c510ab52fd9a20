package io.oris.pipeline.cli;

import io.oris.sim.env.DynamicsGap;
import io.oris.sim.env.EnvBridge;
import io.oris.sim.env.Environments;
import io.oris.sim.env.MujocoEnv;
import io.oris.sim.env.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oris env serve TASK --connect HOST:PORT}: connects to a waiting program and serves it one environment with
 * {@link EnvBridge}'s protocol, so that a reference learner written in another language steps the very simulator
 * (model, dynamics gap, reward, termination) that oris trains in.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Connect to HOST:PORT and serve one environment over EnvBridge's binary protocol"
                + " (client: sim/src/main/python/oris_env.py).")
public final class EnvServeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TASK", description = "hopper, walker2d, halfcheetah or pick-place.")
    String task;

    @Option(names = "--gap", defaultValue = "real", paramLabel = "GAP",
            description = "Dynamics gap, e.g. real or gravity=2.0; for pick-place also sim (Metaworld's dynamics) (default: ${DEFAULT-VALUE}).")
    String gap;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of resets and action noise.")
    long seed;

    @Option(names = "--connect", required = true, paramLabel = "HOST:PORT",
            description = "Where the client listens (loopback is usual).")
    String connect;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int colon = connect.lastIndexOf(':');
        if (colon <= 0) {
            throw usage("--connect must be HOST:PORT, got '" + connect + "'");
        }
        String host = connect.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(connect.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw usage("--connect: port of '" + connect + "' is not a number");
        }
        Task parsedTask;
        DynamicsGap parsedGap;
        try {
            parsedTask = Task.parse(task);
            parsedGap = DynamicsGap.parse(gap);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        try (MujocoEnv env = Environments.create(parsedTask, parsedGap, seed);
             Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 30_000);
            socket.setTcpNoDelay(true);
            long steps = new EnvBridge(env).serve(socket.getInputStream(), socket.getOutputStream());
            System.err.printf("oris env serve: %s served %,d steps%n", env.name(), steps);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("env serve: connection to " + connect + " failed: " + e.getMessage(), e);
        }
    }

    /** A usage error (exit code 2), as for any other bad option. */
    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
