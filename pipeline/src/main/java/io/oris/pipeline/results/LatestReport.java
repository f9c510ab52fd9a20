package io.oris.pipeline.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oris.pipeline.report.ScoresParquet;
import io.oris.pipeline.report.ScoresParquetReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The newest complete report of a job: the highest {@code <data-root>/reports/<dag id>/v000N/} that holds a
 * {@code scores.parquet} (folders still being written have a hidden temporary name and are never seen), with its
 * runs read back from that file and the time {@code report.json} says it was made.
 *
 * @param dir      the report folder
 * @param id       {@code <dag id>/v000N}
 * @param contents its runs and scoring rule, from {@code scores.parquet}
 * @param created  the {@code created} time of {@code report.json}, or {@code unknown}
 */
public record LatestReport(Path dir, String id, ScoresParquetReader.Contents contents, String created) {
    private static final Pattern VERSION = Pattern.compile("v(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Finds and reads the newest report of job {@code dagId}.
     *
     * @param jobFile shown in the error, with the command that makes a report
     * @throws IllegalArgumentException naming the job, the data root and {@code ./oris run JOB} when there is none
     */
    public static LatestReport find(Path dataRoot, String dagId, Path jobFile) {
        Path reports = dataRoot.resolve("reports").resolve(dagId);
        Optional<Path> newest = versions(reports).stream()
                .filter(p -> Files.isRegularFile(p.resolve(ScoresParquet.FILE)))
                .max(Comparator.comparingLong(LatestReport::version));
        if (newest.isEmpty()) {
            throw new IllegalArgumentException("job " + dagId + " has no report under data root " + dataRoot
                    + " (no " + reports + "/v000N/" + ScoresParquet.FILE + "); run `./oris run " + jobFile
                    + "` first, or pass the --data-root the sweep ran with");
        }
        Path dir = newest.get();
        ScoresParquetReader.Contents contents = ScoresParquetReader.read(dir.resolve(ScoresParquet.FILE), dagId);
        return new LatestReport(dir, dagId + "/" + dir.getFileName(), contents, created(dir.resolve("report.json")));
    }

    private static List<Path> versions(Path reports) {
        if (!Files.isDirectory(reports)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(reports)) {
            return list.filter(p -> Files.isDirectory(p) && VERSION.matcher(p.getFileName().toString()).matches()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + reports + ": " + e.getMessage(), e);
        }
    }

    private static long version(Path dir) {
        Matcher m = VERSION.matcher(dir.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String created(Path manifest) {
        try {
            JsonNode created = JSON.readTree(Files.readAllBytes(manifest)).get("created");
            return created == null || created.isNull() ? "unknown" : created.asText();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
