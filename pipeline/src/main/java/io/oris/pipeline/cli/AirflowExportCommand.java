package io.oris.pipeline.cli;

import io.oris.orchestration.airflow.AirflowExporter;
import io.oris.orchestration.airflow.AirflowTask;
import io.oris.orchestration.airflow.ExportOptions;
import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.plan.Planner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oris airflow export JOB --out DIR}: writes the job as a dag-factory 1.x YAML DAG (SparkSubmitOperator per
 * stage task, input sensors, schedule) and the Python loader Airflow 3 picks it up through. Paths the cluster sees
 * default to the job's {@code oris.airflow} section and can be overridden here.
 */
@Command(name = "export", description = "Write JOB as a dag-factory YAML DAG and its Python loader into --out.")
public final class AirflowExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job file (YAML).")
    Path job;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write <dag_id>.yaml and <dag_id>.py into.")
    Path out;

    @Option(names = "--application", paramLabel = "JAR", description = "Cluster jar each task submits (default: oris.airflow.application).")
    String application;

    @Option(names = "--job-path", paramLabel = "PATH", description = "The job file as the Spark driver sees it (default: oris.airflow.job_path or /opt/oris/jobs/<dag_id>.yaml).")
    String jobPath;

    @Option(names = "--remote-data-root", paramLabel = "URI", description = "Data root on the cluster, passed to every task as --data-root.")
    String remoteDataRoot;

    @Option(names = "--conn-id", paramLabel = "ID", description = "Airflow Spark connection id (default: oris.airflow.conn_id or spark_default).")
    String connId;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        JobDescriptor descriptor = JobDescriptor.load(job);
        Plan plan = new Planner().plan(descriptor, null);
        ExportOptions options = ExportOptions.from(descriptor).with(application, jobPath, remoteDataRoot, connId);
        AirflowExporter.Result result = new AirflowExporter().export(plan, options, out);
        PrintWriter w = spec.commandLine().getOut();
        long sensors = result.tasks().stream().filter(AirflowTask::isSensor).count();
        w.println("Exported DAG " + descriptor.dagId() + ": " + result.tasks().size() + " tasks ("
                + (result.tasks().size() - sensors) + " SparkSubmitOperator, " + sensors + " sensor), schedule "
                + (descriptor.schedule() == null ? "none" : descriptor.schedule()));
        w.println("  dag-factory YAML: " + result.yaml());
        w.println("  Python loader:    " + result.python() + " (dag-factory load_yaml_dags of the YAML beside it)");
        w.println("  each task runs:   spark-submit --class " + options.javaClass() + " " + options.application()
                + " stage NAME --job " + options.jobPath() + " --shard i/n"
                + (options.dataRoot() == null ? "" : " --data-root " + options.dataRoot()));
        w.println("Copy both files into Airflow's dags_folder (Airflow 3, dag-factory >= 1.0, the apache-spark provider),"
                + " and " + result.yaml().getFileName() + " also to " + options.jobPath()
                + " where the Spark driver reads it (it is also the job file).");
        w.flush();
        return 0;
    }
}
