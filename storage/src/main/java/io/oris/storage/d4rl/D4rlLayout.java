package io.oris.storage.d4rl;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.oris.storage.BadInputException;
import io.oris.storage.D4rlEnvs;
import io.oris.storage.EnvDims;
import io.oris.storage.fs.DataRootUri;
import io.oris.storage.fs.LocalCopies;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a D4RL file holds, found by reading only its small columns: the env and its dims (checked
 * against the array widths), the row count, the float type, which optional keys exist, the episode
 * boundaries (from {@code terminals} and {@code timeouts}) and the {@code metadata/} values. The episode
 * boundaries let the file be read in row ranges that hold whole episodes (one Spark task per range).
 *
 * @param file           the file's absolute path (a string, so plans travel to Spark tasks)
 * @param dims           env and widths (nq/nv 0 when the file has no {@code infos/qpos}/{@code infos/qvel})
 * @param rows           rows in the file (N)
 * @param dtype          {@code float32} or {@code float64}
 * @param hasNextObs     whether {@code next_observations} is stored
 * @param episodeStarts  row index where each episode starts, ascending, starting at 0
 * @param terminals      rows flagged terminal
 * @param timeouts       rows flagged timeout
 * @param keys           every dataset key in the file
 * @param metadata       small values under {@code metadata/}
 */
public record D4rlLayout(String file, EnvDims dims, int rows, String dtype, boolean hasNextObs, int[] episodeStarts,
        int terminals, int timeouts, List<String> keys, Map<String, Object> metadata) implements Serializable {

    static final String OBS = "observations";
    static final String ACTIONS = "actions";
    static final String REWARDS = "rewards";
    static final String TERMINALS = "terminals";
    static final String TIMEOUTS = "timeouts";
    static final String NEXT_OBS = "next_observations";
    static final String QPOS = "infos/qpos";
    static final String QVEL = "infos/qvel";

    /** Inspects a D4RL file; {@code env} overrides the env read from the file name when not null. */
    public static D4rlLayout inspect(Path file, String env) {
        try {
            return inspectUnchecked(file, env);
        } catch (BadInputException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw corrupt(file, e);
        }
    }

    /**
     * The message for an HDF5 file jHDF fails on part-way (truncated or corrupt): the file, its size, what jHDF could
     * not read and the innermost reason, without Java class names.
     */
    public static BadInputException corrupt(Path file, RuntimeException e) {
        String why = e.getMessage() == null ? "its internal structures are inconsistent" : e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null && !why.contains(root.getMessage())) {
            why = why + "; " + root.getMessage();
        }
        return new BadInputException(file, "", "cannot be read as HDF5 (" + sizeOf(file)
                + " bytes: truncated or corrupt?): " + why, e);
    }

    private static D4rlLayout inspectUnchecked(Path file, String env) {
        String resolvedEnv = env;
        if (resolvedEnv == null) {
            resolvedEnv = D4rlEnvs.parseFileName(file.getFileName().toString()).map(D4rlEnvs.FileName::env)
                    .orElseThrow(() -> new BadInputException(file, "file name", "does not name a known env (expected "
                            + "{env}_{dataset}-v2.hdf5 with env one of " + D4rlEnvs.envs() + "); pass --env"));
        }
        EnvDims expected;
        try {
            expected = D4rlEnvs.require(resolvedEnv);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file, "env", e.getMessage());
        }
        try (HdfFile hdf = open(file)) {
            Hdf5Columns cols = new Hdf5Columns(file, hdf);
            Dataset obs = cols.require(OBS);
            int n = cols.rows(OBS, obs);
            cols.checkShape(OBS, obs, n, expected.obsDim(), "observation width of " + expected.env());
            String dtype = cols.floatType(OBS, obs);
            Dataset actions = cols.require(ACTIONS);
            cols.checkShape(ACTIONS, actions, n, expected.actionDim(), "action width of " + expected.env());
            cols.floatType(ACTIONS, actions);
            Dataset rewards = cols.require(REWARDS);
            cols.checkShape(REWARDS, rewards, n, 1, "one reward per row");
            cols.floatType(REWARDS, rewards);
            Dataset terminals = cols.require(TERMINALS);
            cols.checkShape(TERMINALS, terminals, n, 1, "one flag per row");
            Dataset timeouts = cols.require(TIMEOUTS);
            cols.checkShape(TIMEOUTS, timeouts, n, 1, "one flag per row");
            Dataset next = cols.find(NEXT_OBS);
            if (next != null) {
                cols.checkShape(NEXT_OBS, next, n, expected.obsDim(), "observation width of " + expected.env());
                cols.floatType(NEXT_OBS, next);
            }
            Dataset qpos = cols.find(QPOS);
            Dataset qvel = cols.find(QVEL);
            int nq = 0;
            int nv = 0;
            if (qpos != null && qvel != null) {
                cols.checkShape(QPOS, qpos, n, expected.nq(), "nq of " + expected.env());
                cols.checkShape(QVEL, qvel, n, expected.nv(), "nv of " + expected.env());
                cols.floatType(QPOS, qpos);
                cols.floatType(QVEL, qvel);
                nq = expected.nq();
                nv = expected.nv();
            }
            boolean[] term = cols.booleans(TERMINALS, terminals, 0, n);
            boolean[] tout = cols.booleans(TIMEOUTS, timeouts, 0, n);
            if (n == 0) {
                throw new BadInputException(file, "key '" + OBS + "'", "has 0 rows, expected at least one transition");
            }
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            int terminalCount = 0;
            int timeoutCount = 0;
            for (int i = 0; i < n; i++) {
                terminalCount += term[i] ? 1 : 0;
                timeoutCount += tout[i] ? 1 : 0;
                if ((term[i] || tout[i]) && i < n - 1) {
                    starts.add(i + 1);
                }
            }
            return new D4rlLayout(file.toString(), new EnvDims(expected.env(), expected.obsDim(), expected.actionDim(), nq, nv), n,
                    dtype, next != null, starts.stream().mapToInt(Integer::intValue).toArray(),
                    terminalCount, timeoutCount, Hdf5Columns.keys(hdf), cols.smallValues("metadata"));
        }
    }

    private static long sizeOf(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /**
     * Opens an HDF5 file, turning jHDF's failure on a non-HDF5 or truncated file into a clear message. jHDF reads
     * local files only: a file on a Hadoop file system (an {@code hdfs://} data root's {@code d4rl/}) is read from a
     * local copy ({@link LocalCopies}).
     */
    static HdfFile open(Path file) {
        try {
            return new HdfFile(LocalCopies.of(file));
        } catch (RuntimeException e) {
            throw new BadInputException(file, "", "cannot be opened as HDF5 (not HDF5, truncated or corrupt?): "
                    + e.getMessage(), e);
        }
    }

    /** The file as a path (on its own file system: {@code file} is a plain path or a Hadoop URI). */
    public Path path() {
        return DataRootUri.resolve(file);
    }

    /** Number of episodes (a trailing unfinished one included). */
    public int episodes() {
        return episodeStarts.length;
    }

    /**
     * Splits the rows into about {@code parts} ranges of whole episodes, each {@code [start, end)} with the id
     * of its first episode.
     */
    public List<RowRange> split(int parts) {
        List<RowRange> out = new ArrayList<>();
        int target = Math.max(1, (int) Math.ceil(rows / (double) Math.max(1, parts)));
        int firstEpisode = 0;
        for (int e = 0; e < episodeStarts.length; ) {
            int start = episodeStarts[e];
            int next = e + 1;
            while (next < episodeStarts.length && episodeStarts[next] - start < target) {
                next++;
            }
            int end = next < episodeStarts.length ? episodeStarts[next] : rows;
            out.add(new RowRange(out.size(), start, end, firstEpisode));
            firstEpisode += next - e;
            e = next;
        }
        return out;
    }

    /**
     * A slice of the file holding whole episodes.
     *
     * @param index        part number
     * @param start        first row (an episode start)
     * @param end          row after the last (an episode start or N)
     * @param firstEpisode id of the episode starting at {@code start}
     */
    public record RowRange(int index, int start, int end, long firstEpisode) implements Serializable {
    }
}
