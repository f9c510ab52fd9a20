package io.oris.pipeline.report;

import io.oris.storage.fs.ParquetFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes {@code scores.parquet}: one row per run of the sweep with its coordinates, status, error, final
 * normalized score and return (null unless the run succeeded and was evaluated), and its whole evaluation
 * curve as three list columns, in the layout Spark, pandas and pyarrow read. Uses parquet-hadoop only.
 */
public final class ScoresParquet {
    /** The file name inside the report folder. */
    public static final String FILE = "scores.parquet";

    /** The schema; lists use the standard three-level LIST layout Spark writes for non-null arrays. */
    public static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message oris_scores {
              required binary sweep (STRING);
              required binary run_id (STRING);
              required binary column (STRING);
              required binary method (STRING);
              required binary variant (STRING);
              required binary task (STRING);
              required binary dataset (STRING);
              required binary gap (STRING);
              required int64 seed;
              required binary status (STRING);
              optional binary error (STRING);
              optional double final_normalized_score;
              optional double final_return;
              required int32 eval_points;
              required int32 last_k;
              optional group curve_step (LIST) { repeated group list { required int64 element; } }
              optional group curve_normalized_score (LIST) { repeated group list { required double element; } }
              optional group curve_return (LIST) { repeated group list { required double element; } }
              optional group curve_episodes (LIST) { repeated group list { required int32 element; } }
              optional group curve_reached (LIST) { repeated group list { required int32 element; } }
              optional group curve_picked (LIST) { repeated group list { required int32 element; } }
              optional group curve_placed (LIST) { repeated group list { required int32 element; } }
            }
            """);

    private ScoresParquet() {
    }

    /** Writes one row per run of {@code scores} to {@code file}, which must not exist yet. */
    public static void write(Path file, SweepScores scores) {
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(ParquetFiles.output(file))
                .withType(SCHEMA)
                .withConf(new Configuration(false))
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            for (RunScore r : scores.runs()) {
                writer.write(row(groups.newGroup(), r, scores.spec()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Group row(Group g, RunScore r, ReportSpec spec) {
        RunResult run = r.run();
        g.append("sweep", spec.sweepName())
                .append("run_id", run.runId())
                .append("column", run.column())
                .append("method", run.method())
                .append("variant", run.variant().isEmpty() ? "" : run.column())
                .append("task", run.task())
                .append("dataset", run.dataset())
                .append("gap", run.gap())
                .append("seed", run.seed())
                .append("status", run.status());
        if (run.error() != null) {
            g.append("error", run.error());
        }
        if (r.usable()) {
            g.append("final_normalized_score", r.finalScore());
            g.append("final_return", r.finalReturn());
        }
        g.append("eval_points", r.evalPoints()).append("last_k", spec.lastK());
        Group steps = g.addGroup("curve_step");
        Group score = g.addGroup("curve_normalized_score");
        Group ret = g.addGroup("curve_return");
        Group episodes = g.addGroup("curve_episodes");
        Group reached = g.addGroup("curve_reached");
        Group picked = g.addGroup("curve_picked");
        Group placed = g.addGroup("curve_placed");
        for (EvalPoint p : run.curve()) {
            steps.addGroup("list").append("element", p.step());
            score.addGroup("list").append("element", p.meanNormalizedScore());
            ret.addGroup("list").append("element", p.meanReturn());
            episodes.addGroup("list").append("element", p.episodes());
            reached.addGroup("list").append("element", p.reached());
            picked.addGroup("list").append("element", p.picked());
            placed.addGroup("list").append("element", p.placed());
        }
        return g;
    }
}
