package io.oris.orchestration.airflow;

import io.oris.orchestration.descriptor.JobDescriptor;

/**
 * The Python file of the export: a dag-factory loader of the exported YAML beside it, not a second definition of the
 * DAG, so Airflow's DagBag sees each dag_id once. Airflow's safe-mode file scan only parses files whose text
 * mentions both "airflow" and "dag"; the header comment does.
 */
public final class DagFactoryLoader {
    private DagFactoryLoader() {
    }

    /** The loader of {@code yamlFileName} (a file name in the same folder as the loader). */
    public static String render(JobDescriptor job, String yamlFileName) {
        if (yamlFileName.contains("/") || yamlFileName.contains("\\") || yamlFileName.contains("\"")) {
            throw new IllegalArgumentException("expected a plain file name, found " + yamlFileName);
        }
        return "# Airflow DAG loader for the dag-factory YAML " + yamlFileName + " (DAG id " + job.dagId() + "),\n"
                + "# exported by `oris airflow export` from " + job.source().getFileName() + ". The DAG is defined\n"
                + "# only in the YAML; this file makes Airflow's dag processor load it (dag-factory >= 1.0).\n"
                + "# Generated file: re-export instead of editing.\n"
                + "import os\n\n"
                + "from dagfactory import load_yaml_dags\n\n"
                + "load_yaml_dags(\n"
                + "    globals_dict=globals(),\n"
                + "    config_filepath=os.path.join(os.path.dirname(os.path.abspath(__file__)), \"" + yamlFileName + "\"),\n"
                + ")\n";
    }
}
