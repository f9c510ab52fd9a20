package io.oris.storage.parquet;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one written part file holds: its name, rows, bytes, and per-episode reward sums and lengths, so
 * the manifest's return statistics can be computed from parts written by different threads or Spark
 * tasks without reading them back. Episodes split across parts are merged by id.
 *
 * @param fileName  part file name inside the dataset folder
 * @param rows      transitions in the part
 * @param bytes     file size
 * @param returns   episode id → sum of rewards in this part
 * @param lengths   episode id → rows in this part
 * @param episodeEnds episode id → true if the episode's last row in this part is terminal or timeout
 */
public record PartSummary(String fileName, long rows, long bytes, TreeMap<Long, Double> returns,
        TreeMap<Long, Integer> lengths, TreeMap<Long, Boolean> episodeEnds) implements Serializable {

    /** The per-episode sums of several parts merged by episode id. */
    public static PartSummary merge(Iterable<PartSummary> parts) {
        TreeMap<Long, Double> returns = new TreeMap<>();
        TreeMap<Long, Integer> lengths = new TreeMap<>();
        TreeMap<Long, Boolean> ends = new TreeMap<>();
        long rows = 0;
        long bytes = 0;
        for (PartSummary p : parts) {
            rows += p.rows();
            bytes += p.bytes();
            for (Map.Entry<Long, Double> e : p.returns().entrySet()) {
                returns.merge(e.getKey(), e.getValue(), Double::sum);
            }
            for (Map.Entry<Long, Integer> e : p.lengths().entrySet()) {
                lengths.merge(e.getKey(), e.getValue(), Integer::sum);
            }
            for (Map.Entry<Long, Boolean> e : p.episodeEnds().entrySet()) {
                ends.merge(e.getKey(), e.getValue(), Boolean::logicalOr);
            }
        }
        return new PartSummary("*", rows, bytes, returns, lengths, ends);
    }
}
