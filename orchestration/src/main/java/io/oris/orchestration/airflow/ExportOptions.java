package io.oris.orchestration.airflow;

import io.oris.orchestration.descriptor.AirflowSettings;
import io.oris.orchestration.descriptor.JobDescriptor;

/**
 * Where the exported tasks find things on the cluster: the jar (application) and main class, the job
 * file and data root as the Spark driver sees them, and the Airflow Spark connection id. Defaults come
 * from the job's {@code oris.airflow} section; the CLI may override each.
 */
public record ExportOptions(String application, String javaClass, String jobPath, String dataRoot, String connId) {

    /** The job file's own settings; the job path defaults to {@code /opt/oris/jobs/<dag_id>.yaml}. */
    public static ExportOptions from(JobDescriptor job) {
        AirflowSettings a = job.sweep().airflow();
        String jobPath = a.jobPath() != null ? a.jobPath() : "/opt/oris/jobs/" + job.dagId() + ".yaml";
        String dataRoot = a.dataRoot() != null ? a.dataRoot() : job.sweep().dataRoot();
        return new ExportOptions(a.application(), a.javaClass(), jobPath, dataRoot, a.connId());
    }

    /** A copy with the non-null arguments replacing these values. */
    public ExportOptions with(String application, String jobPath, String dataRoot, String connId) {
        return new ExportOptions(application != null ? application : this.application, javaClass,
                jobPath != null ? jobPath : this.jobPath, dataRoot != null ? dataRoot : this.dataRoot,
                connId != null ? connId : this.connId);
    }
}
