package io.oris.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code oris airflow export} through the real command line. */
class AirflowCommandTest {

    @Test
    void exportsBothFiles(@TempDir Path out) throws Exception {
        CommandLine cli = OrisCli.commandLine();
        StringWriter text = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(text));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("airflow", "export", "../jobs/quickstart.yaml", "--out", out.toString(),
                "--application", "/jars/oris.jar", "--job-path", "/jobs/quickstart.yaml");
        assertEquals(0, code, err.toString());
        assertTrue(text.toString().contains("Exported DAG quickstart: 5 tasks (5 SparkSubmitOperator, 0 sensor)"), text.toString());
        String yaml = Files.readString(out.resolve("quickstart.yaml"));
        String python = Files.readString(out.resolve("quickstart.py"));
        assertTrue(yaml.contains("application: /jars/oris.jar"), yaml);
        assertTrue(yaml.contains("- /jobs/quickstart.yaml"), yaml);
        assertTrue(python.contains("load_yaml_dags(") && python.contains("\"quickstart.yaml\""), python);
    }
}
