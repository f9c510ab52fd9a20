package io.oris.pipeline.results;

import java.util.List;

/**
 * How a results folder was made, for its "How it was made" section: the commands that make it again (the sweep's
 * {@code ./oris run} and this {@code ./oris results}), the commit of the job's repository, the training's wall time
 * and the machine.
 *
 * @param commands the commands, in the order to run them
 * @param git      the job repository's revision
 * @param training the training time from the runs' status files
 * @param machine  the machine the folder was made on
 */
public record Provenance(List<String> commands, GitRevision git, TrainingTime training, MachineInfo machine) {
    public Provenance {
        commands = List.copyOf(commands);
    }
}
