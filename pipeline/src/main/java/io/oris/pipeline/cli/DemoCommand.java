package io.oris.pipeline.cli;

import io.oris.sim.MujocoRuntime;
import io.oris.sim.env.Environment;
import io.oris.sim.env.Environments;
import io.oris.sim.env.Step;
import io.oris.sim.env.Task;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code oris demo}: the main job on the embedded default. Until the staged pipeline is wired in, it shows
 * the simulator layer: random-policy episodes of every task in the real model and under each kind of
 * dynamics gap.
 */
@Command(name = "demo", description = "Run the main demo on the embedded default.")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    DataRootOption dataRoot;

    @Override
    public Integer call() {
        System.out.println("oris demo — MuJoCo " + MujocoRuntime.ensureLoaded());
        System.out.println("Random-policy episodes (mean return and length over 5 episodes) in the real model and in inaccurate simulators:");
        String[] gaps = {"real", "gravity=2.0", "friction=0.3", "action_noise=1.0"};
        System.out.printf("%-12s", "task");
        for (String gap : gaps) {
            System.out.printf(" %22s", gap);
        }
        System.out.println();
        for (Task task : Task.values()) {
            System.out.printf("%-12s", task.id());
            for (String gap : gaps) {
                try (Environment env = Environments.create(task.id(), gap, 0)) {
                    SplittableRandom rng = new SplittableRandom(1);
                    double total = 0;
                    long length = 0;
                    for (int episode = 0; episode < 5; episode++) {
                        env.reset();
                        double[] action = new double[env.actionDim()];
                        Step step;
                        do {
                            for (int i = 0; i < action.length; i++) {
                                action[i] = rng.nextDouble(-1, 1);
                            }
                            step = env.step(action);
                            total += step.reward();
                            length++;
                        } while (!step.done());
                    }
                    System.out.printf(" %13.1f (%5.0f st)", total / 5, length / 5.0);
                }
            }
            System.out.println();
        }
        return 0;
    }
}
