import io.oris.storage.table.TableReader;
import java.nio.file.*;
import java.util.*;
/** Sums epoch_seconds, update_seconds and collect_seconds of each run's train_metrics.parquet under a data root. */
public class RunSeconds {
  public static void main(String[] a) throws Exception {
    try (var s = Files.list(Path.of(a[0], "runs"))) {
      for (Path run : s.sorted().toList()) {
        Path f = run.resolve("train_metrics.parquet");
        if (!Files.isRegularFile(f)) continue;
        Map<String, Double> sum = new TreeMap<>();
        long last = 0;
        for (Map<String, Object> r : TableReader.readAll(f)) {
          String m = String.valueOf(r.get("metric"));
          if (m.endsWith("_seconds")) sum.merge(m, (Double) r.get("value"), Double::sum);
          last = Math.max(last, (Long) r.get("step"));
        }
        String method = Files.readString(run.resolve("config.json")).replaceAll("(?s).*\"method\" : \"([a-z0-9_]+)\".*", "$1");
        System.out.printf("%s %-6s steps %d %s update/epoch %.3f%n", run.getFileName(), method, last, sum,
            sum.getOrDefault("update_seconds", 0.0) / sum.getOrDefault("epoch_seconds", 1.0));
      }
    }
  }
}
