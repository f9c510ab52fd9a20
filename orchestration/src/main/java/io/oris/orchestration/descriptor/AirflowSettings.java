package io.oris.orchestration.descriptor;

/**
 * What the Airflow export needs that the sweep does not say: the Spark connection id, the cluster jar
 * and main class each SparkSubmitOperator calls, where the job file and the data root are as seen from
 * the cluster, the input sensor's poke interval, timeout, operator and the marker file it waits for inside each
 * {@code retrain_on} folder (empty: the input path itself). Paths may be overridden on export.
 */
public record AirflowSettings(String connId, String application, String javaClass, String jobPath, String dataRoot,
                              long sensorPokeIntervalSec, long sensorTimeoutSec, String sensorOperator,
                              String sensorMarker) {
}
