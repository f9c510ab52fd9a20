package io.oris.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} beside a dataset's Parquet parts: what the data is (env, dims, rows,
 * episodes, return statistics), where it came from (source files and their sha256, or the parent
 * dataset for derived ones) and how it was made. Written last, inside the staging folder, so a dataset
 * folder with a manifest is always complete.
 *
 * @param formatVersion manifest format version ({@link #FORMAT_VERSION})
 * @param id            dataset id (the folder name)
 * @param env           env name ({@code hopper}, ..., or the robot-log mapping's env)
 * @param obsDim        observation width
 * @param actionDim     action width
 * @param nq            qpos width, 0 when the dataset has no qpos column
 * @param nv            qvel width, 0 when the dataset has no qvel column
 * @param rows          transitions
 * @param episodes      episodes (distinct episode ids)
 * @param returns       per-episode return statistics
 * @param fingerprint   sha256 over the source sha256(s) and every option that changes the output; equal
 *                      fingerprints mean equal datasets (re-ingest is a no-op)
 * @param source        the input the dataset was made from
 * @param made          how and when it was made
 * @param lineage       parent dataset and selection for derived datasets, else null
 * @param parts         Parquet part files, in read order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(int formatVersion, String id, String env, int obsDim, int actionDim, int nq, int nv, long rows,
        long episodes, ReturnStats returns, String fingerprint, Source source, Made made, Lineage lineage,
        List<Part> parts) implements Serializable {

    /** Current manifest format. */
    public static final int FORMAT_VERSION = 1;

    /** The dims of this dataset as an {@link EnvDims}. */
    public EnvDims dims() {
        return new EnvDims(env, obsDim, actionDim, nq, nv);
    }

    /**
     * Where the data came from.
     *
     * @param kind       {@code d4rl}, {@code minari}, {@code robot-log}, {@code collect} or {@code subset}
     * @param files      source files with their sha256 (empty for generated data)
     * @param dtype      element type of the source arrays ({@code float32}, {@code float64}, {@code text})
     * @param attributes source metadata kept verbatim (D4RL {@code metadata/algorithm}, Minari metadata, ...)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String kind, List<SourceFile> files, String dtype, Map<String, Object> attributes) implements Serializable {
    }

    /**
     * One source file.
     *
     * @param path   absolute path at ingest time
     * @param sha256 hex SHA-256 of its bytes
     * @param bytes  size
     */
    public record SourceFile(String path, String sha256, long bytes) implements Serializable {
    }

    /**
     * How the dataset was made.
     *
     * @param by      the command or stage ({@code oris ingest d4rl}, {@code collect}, ...)
     * @param at      ISO-8601 UTC time of the commit
     * @param options the options that shaped the output (timeouts policy, mapping, fraction, ...)
     * @param notes   human-readable remarks (e.g. how many timeout transitions were dropped)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Made(String by, String at, Map<String, Object> options, List<String> notes) implements Serializable {
    }

    /**
     * The parent of a derived dataset.
     *
     * @param parent            parent dataset id
     * @param parentFingerprint the parent's fingerprint when the subset was made
     * @param fraction          fraction of the parent's episodes kept
     * @param seed              selection seed
     * @param episodeIds        number of parent episodes kept
     */
    public record Lineage(String parent, String parentFingerprint, double fraction, long seed, long episodeIds) implements Serializable {
    }

    /**
     * One Parquet part file.
     *
     * @param file  path relative to the dataset folder ({@code data/part-00000.parquet})
     * @param rows  transitions in it
     * @param bytes size
     * @param sha256 SHA-256 of the file's bytes (hex), recorded when the dataset is committed; null in manifests
     *               written before checksums were recorded (then only sizes and footers are checked)
     */
    public record Part(String file, long rows, long bytes, String sha256) implements Serializable {
    }
}
