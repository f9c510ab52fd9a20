package io.oris.orchestration.airflow;

import io.oris.orchestration.plan.Plan;
import io.oris.storage.AtomicPublish;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code oris airflow export}: writes {@code <dag_id>.yaml} (the DAG, dag-factory 1.x) and a {@code .py} loader of it
 * (dag-factory's {@code load_yaml_dags}) into a folder, each through a temporary file renamed into place.
 */
public final class AirflowExporter {

    /** What was written. */
    public record Result(Path yaml, Path python, List<AirflowTask> tasks) {
    }

    public Result export(Plan plan, ExportOptions options, Path outDir) {
        List<AirflowTask> tasks = AirflowTasks.of(plan, options);
        String dagId = plan.job().dagId();
        Path yaml = outDir.resolve(dagId + ".yaml");
        Path python = outDir.resolve(pythonModuleName(dagId) + ".py");
        try {
            Files.createDirectories(outDir);
            AtomicPublish.writeString(yaml, DagFactoryYaml.render(plan.job(), tasks));
            AtomicPublish.writeString(python, DagFactoryLoader.render(plan.job(), yaml.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Airflow export to " + outDir + ": " + e.getMessage(), e);
        }
        return new Result(yaml, python, tasks);
    }

    /** DAG ids may contain '-' and '.', which Python module names may not. */
    static String pythonModuleName(String dagId) {
        return dagId.replaceAll("[^A-Za-z0-9_]", "_");
    }

}
