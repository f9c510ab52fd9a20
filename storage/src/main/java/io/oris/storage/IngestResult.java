package io.oris.storage;

/**
 * The outcome of ingesting one source: the dataset id, whether it was written or already there with the
 * same fingerprint, its manifest, and the wall time.
 *
 * @param id       dataset id
 * @param status   {@link Status#WRITTEN} or {@link Status#UNCHANGED}
 * @param manifest the dataset's manifest (the existing one when unchanged)
 * @param seconds  wall time of the ingest
 */
public record IngestResult(String id, Status status, Manifest manifest, double seconds) implements java.io.Serializable {
    /** What an ingest did. */
    public enum Status {
        /** A new dataset was written (or an existing one replaced with --overwrite). */
        WRITTEN,
        /** A dataset with the same fingerprint existed; nothing was written. */
        UNCHANGED
    }

    /** One line for the console: {@code hopper-medium-v2: written, 999000 rows, 1000 episodes (3.1 s)}. */
    public String describe() {
        String what = status == Status.WRITTEN ? "written" : "unchanged (same input already ingested; nothing written)";
        return String.format("%s: %s, %d rows, %d episodes, return mean %.1f (%.1f s)", id, what, manifest.rows(),
                manifest.episodes(), manifest.returns().mean(), seconds);
    }
}
