package io.oris.orchestration.airflow;

import io.oris.orchestration.plan.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
            write(yaml, DagFactoryYaml.render(plan.job(), tasks));
            write(python, DagFactoryLoader.render(plan.job(), yaml.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Airflow export to " + outDir + ": " + e.getMessage(), e);
        }
        return new Result(yaml, python, tasks);
    }

    /** DAG ids may contain '-' and '.', which Python module names may not. */
    static String pythonModuleName(String dagId) {
        return dagId.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static void write(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
