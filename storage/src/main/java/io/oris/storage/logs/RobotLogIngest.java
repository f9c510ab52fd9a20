package io.oris.storage.logs;

import io.oris.storage.BadInputException;
import io.oris.storage.DatasetDescription;
import io.oris.storage.DatasetStore;
import io.oris.storage.IngestResult;
import io.oris.storage.Manifest;
import io.oris.storage.Sha256;
import io.oris.storage.StagedDataset;
import io.oris.storage.TransitionArrays;
import io.oris.storage.TransitionBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ingests robot logs (CSV / JSON Lines, one or more files) into one dataset, as a {@link LogMapping}
 * says. Rows are grouped into episodes per file by the episode column and sorted by step (a repeated step
 * fails naming both lines). Transition of row i: (obs_i, action_i, reward_i, next_obs_i) where next_obs_i is
 * taken from the mapping's next-observation columns, or else is the observation of the episode's next row;
 * in that case the episode's last row (a final state with no successor) becomes no transition and its
 * terminal/timeout flag moves to the row before it. Without a reward column the mapping's reward function
 * is evaluated on next_obs. Episode ids are numbered 0, 1, ... in order of first appearance.
 */
public final class RobotLogIngest {
    private RobotLogIngest() {
    }

    /**
     * Converts log files into a dataset.
     *
     * @param id dataset id, or null for {@code log-} + the first file's name without extension
     */
    public static IngestResult ingest(DatasetStore store, List<Path> files, Path mappingFile, String id,
            boolean overwrite) {
        long start = System.nanoTime();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no log files given");
        }
        List<Path> abs = files.stream().map(f -> f.toAbsolutePath().normalize()).toList();
        for (Path f : abs) {
            if (!Files.isRegularFile(f)) {
                throw new BadInputException(f, "", "no such log file (expected a .csv, .jsonl or .ndjson file)");
            }
        }
        Path mapAbs = mappingFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(mapAbs)) {
            throw new BadInputException(mapAbs, "", "no such mapping file (expected a YAML file)");
        }
        LogMapping mapping = LogMapping.read(mapAbs);
        String datasetId = id != null ? id : defaultId(abs.get(0));
        StringBuilder fp = new StringBuilder("robot-log|mapping=").append(Sha256.ofFile(mapAbs));
        List<Manifest.SourceFile> sources = new ArrayList<>();
        for (Path f : abs) {
            String sha = Sha256.ofFile(f);
            fp.append('|').append(sha);
            sources.add(new Manifest.SourceFile(f.toString(), sha, f.toFile().length()));
        }
        sources.add(new Manifest.SourceFile(mapAbs.toString(), Sha256.ofFile(mapAbs), mapAbs.toFile().length()));
        String fingerprint = Sha256.ofString(fp.toString());
        if (store.decide(datasetId, fingerprint, overwrite) == DatasetStore.WriteDecision.UNCHANGED) {
            return new IngestResult(datasetId, IngestResult.Status.UNCHANGED, store.manifest(datasetId),
                    (System.nanoTime() - start) / 1e9);
        }
        TransitionArrays data = convert(abs, mapping);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("mapping", mapAbs.toString());
        options.put("reward", mapping.reward() != null ? "column " + mapping.reward()
                : "function " + PickAndPlaceReward.NAME);
        DatasetDescription description = new DatasetDescription(data.dims(mapping.env()), fingerprint,
                new Manifest.Source("robot-log", sources, "text", Map.of("observation", mapping.observation(),
                        "action", mapping.action())),
                new Manifest.Made("oris ingest logs", null, options, List.of(mapping.nextObservation().isEmpty()
                        ? "next_obs = next row's observation; each episode's last row dropped, its flags moved back"
                        : "next_obs from the mapping's next_observation columns")),
                null);
        try (StagedDataset stage = store.stage(datasetId, overwrite)) {
            DatasetStore.writeParts(stage, data);
            return new IngestResult(datasetId, IngestResult.Status.WRITTEN, stage.commit(description),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    static String defaultId(Path file) {
        String stem = file.getFileName().toString().replaceAll("\\.[^.]*$", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9.-]+", "-").replaceAll("^-+|-+$", "");
        return "log-" + stem;
    }

    /** Parses and converts the files (exposed for tests). */
    static TransitionArrays convert(List<Path> files, LogMapping mapping) {
        LogParser parser = new LogParser(mapping);
        Map<String, List<LogRecord>> episodes = new LinkedHashMap<>();
        int od = -1;
        int ad = -1;
        for (int fi = 0; fi < files.size(); fi++) {
            for (LogRecord r : parser.parse(files.get(fi), fi)) {
                if (od < 0) {
                    od = r.obs().length;
                    ad = r.action().length;
                }
                String first = "as in the first row";
                if (r.obs().length != od) {
                    throw new BadInputException(files.get(fi), "line " + r.line(), "observation "
                            + mapping.observation() + " has " + r.obs().length + " values, expected " + od + " " + first);
                }
                if (r.action().length != ad) {
                    throw new BadInputException(files.get(fi), "line " + r.line(), "action " + mapping.action() + " has "
                            + r.action().length + " values, expected " + ad + " " + first);
                }
                if (r.nextObs() != null && r.nextObs().length != od) {
                    throw new BadInputException(files.get(fi), "line " + r.line(), "next_observation "
                            + mapping.nextObservation() + " has " + r.nextObs().length + " values, expected " + od
                            + " (the observation's width)");
                }
                episodes.computeIfAbsent(fi + "\u0000" + r.episodeKey(), k -> new ArrayList<>()).add(r);
            }
        }
        if (od < 0) {
            throw new BadInputException(files.get(0), "", "holds no rows");
        }
        PickAndPlaceReward reward = mapping.rewardFunction() == null ? null
                : mapping.rewardFunction().bind(mapping.file(), mapping.observation(), od);
        TransitionBuilder builder = new TransitionBuilder(od, ad, 0, 0);
        long episodeId = 0;
        float[] next = new float[od];
        for (List<LogRecord> rows : episodes.values()) {
            rows.sort(Comparator.comparingLong(LogRecord::step));
            for (int i = 1; i < rows.size(); i++) {
                if (rows.get(i).step() == rows.get(i - 1).step()) {
                    LogRecord r = rows.get(i);
                    throw new BadInputException(files.get(r.fileIndex()), "line " + r.line(), "repeats step " + r.step()
                            + " of episode '" + r.episodeKey() + "' (also on line " + rows.get(i - 1).line() + ")");
                }
            }
            boolean derived = rows.get(0).nextObs() == null;
            int count = derived ? rows.size() - 1 : rows.size();
            for (int i = 0; i < count; i++) {
                LogRecord r = rows.get(i);
                float[] nextObs = derived ? rows.get(i + 1).obs() : r.nextObs();
                boolean terminal = derived && i == count - 1 ? rows.get(i + 1).terminal() || r.terminal() : r.terminal();
                boolean timeout = derived && i == count - 1 ? rows.get(i + 1).timeout() || r.timeout() : r.timeout();
                System.arraycopy(nextObs, 0, next, 0, od);
                float rew = reward != null ? reward.reward(next, 0) : r.reward();
                builder.add(episodeId, i, r.obs(), r.action(), rew, next, terminal, timeout, null, null);
            }
            episodeId++;
        }
        if (builder.rows() == 0) {
            throw new BadInputException(files.get(0), "", "no transitions: every episode has a single row");
        }
        return builder.build();
    }
}
