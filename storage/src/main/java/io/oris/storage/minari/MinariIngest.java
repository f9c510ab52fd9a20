package io.oris.storage.minari;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.oris.storage.BadInputException;
import io.oris.storage.D4rlEnvs;
import io.oris.storage.DatasetDescription;
import io.oris.storage.DatasetStore;
import io.oris.storage.EnvDims;
import io.oris.storage.IngestResult;
import io.oris.storage.Manifest;
import io.oris.storage.Sha256;
import io.oris.storage.StagedDataset;
import io.oris.storage.TransitionBuilder;
import io.oris.storage.TransitionArrays;
import io.oris.storage.d4rl.Hdf5Columns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ingests a Minari dataset folder ({@code data/main_data.hdf5} with one group {@code episode_{id}} per
 * episode, plus {@code data/metadata.json} or {@code metadata.json}). Each episode group holds
 * {@code observations} [T+1, obs], {@code actions} [T, act], {@code rewards} [T], {@code terminations} [T],
 * {@code truncations} [T]; transition i is (obs[i], actions[i], rewards[i], obs[i+1]) with terminal =
 * terminations[i] and timeout = truncations[i], nothing dropped. {@code infos/qpos}/{@code infos/qvel}
 * ([T] or [T+1] rows) are kept when the env's nq/nv match. The env comes from {@code --env} or the
 * metadata's {@code dataset_id} (e.g. {@code mujoco/hopper/medium-v0}).
 */
public final class MinariIngest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MinariIngest() {
    }

    /**
     * Converts a Minari dataset folder into a dataset.
     *
     * @param env       env name, or null to read it from the metadata's dataset_id
     * @param id        dataset id, or null for {@code minari-} + the dataset_id with '/' as '-'
     */
    public static IngestResult ingest(DatasetStore store, Path folder, String env, String id, boolean overwrite) {
        long start = System.nanoTime();
        Path dir = folder.toAbsolutePath().normalize();
        Path data = dir.resolve("data").resolve("main_data.hdf5");
        if (!Files.isRegularFile(data)) {
            data = dir.resolve("main_data.hdf5");
        }
        if (!Files.isRegularFile(data)) {
            throw new BadInputException(dir, "data/main_data.hdf5", "missing: expected a Minari dataset folder");
        }
        Path metaFile = Files.isRegularFile(data.getParent().resolve("metadata.json"))
                ? data.getParent().resolve("metadata.json") : dir.resolve("metadata.json");
        if (!Files.isRegularFile(metaFile)) {
            throw new BadInputException(dir, "metadata.json", "missing: expected it beside main_data.hdf5 or in " + dir);
        }
        JsonNode meta;
        try {
            meta = JSON.readTree(Files.readAllBytes(metaFile));
        } catch (IOException e) {
            throw new BadInputException(metaFile, "", "is not valid JSON: " + e.getMessage(), e);
        }
        String datasetName = meta.path("dataset_id").asText("");
        String resolvedEnv = env != null ? env : envFromDatasetId(metaFile, datasetName);
        EnvDims expected;
        try {
            expected = D4rlEnvs.require(resolvedEnv);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(metaFile, "dataset_id", e.getMessage() + "; pass --env");
        }
        String datasetId = id != null ? id : "minari-" + datasetName.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9.-]+", "-").replaceAll("^-+|-+$", "");
        String dataSha = Sha256.ofFile(data);
        String metaSha = Sha256.ofFile(metaFile);
        String fingerprint = Sha256.ofString("minari|" + dataSha + "|" + metaSha + "|env=" + resolvedEnv);
        if (store.decide(datasetId, fingerprint, overwrite) == DatasetStore.WriteDecision.UNCHANGED) {
            return new IngestResult(datasetId, IngestResult.Status.UNCHANGED, store.manifest(datasetId), secs(start));
        }
        TransitionArrays arrays = read(data, expected);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("dataset_id", datasetName);
        // ref_min_score / ref_max_score: Minari's own normalisation references (its envs' random and expert returns),
        // kept as the dataset publishes them; scores are normalized with the D4RL references of the env (reference.md §3)
        for (String key : List.of("total_episodes", "total_steps", "minari_version", "algorithm_name", "author",
                "ref_min_score", "ref_max_score")) {
            if (meta.has(key)) {
                attributes.put(key, meta.get(key).isNumber() ? meta.get(key).numberValue() : meta.get(key).asText());
            }
        }
        for (String count : List.of("total_episodes", "total_steps")) {
            if (meta.has(count) && !meta.get(count).canConvertToExactIntegral()) {
                throw new BadInputException(metaFile, count, "expected an integer, found " + meta.get(count));
            }
        }
        if (meta.has("total_steps") && meta.get("total_steps").asLong() != arrays.rows()) {
            throw new BadInputException(metaFile, "total_steps", "says " + meta.get("total_steps").asLong()
                    + " but the episodes hold " + arrays.rows() + " steps");
        }
        long bytes;
        long metaBytes;
        try {
            bytes = Files.size(data);
            metaBytes = Files.size(metaFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EnvDims dims = arrays.dims(expected.env());
        DatasetDescription description = new DatasetDescription(dims, fingerprint,
                new Manifest.Source("minari", List.of(new Manifest.SourceFile(data.toString(), dataSha, bytes),
                        new Manifest.SourceFile(metaFile.toString(), metaSha, metaBytes)),
                        "float32", attributes),
                new Manifest.Made("oris ingest minari", null, Map.of("env", expected.env()),
                        List.of("transition i = (observations[i], actions[i], rewards[i], observations[i+1]);"
                                + " terminal = terminations, timeout = truncations")),
                null);
        try (StagedDataset stage = store.stage(datasetId, overwrite)) {
            DatasetStore.writeParts(stage, arrays);
            return new IngestResult(datasetId, IngestResult.Status.WRITTEN, stage.commit(description), secs(start));
        }
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String envFromDatasetId(Path metaFile, String datasetId) {
        for (String part : datasetId.toLowerCase(Locale.ROOT).split("[/_-]")) {
            if (D4rlEnvs.dims(part).isPresent()) {
                return part;
            }
        }
        throw new BadInputException(metaFile, "dataset_id", "'" + datasetId + "' names no known env "
                + D4rlEnvs.envs() + "; pass --env");
    }

    /** Reads every {@code episode_{id}} group, in id order, into arrays checked against the env's dims. */
    static TransitionArrays read(Path data, EnvDims expected) {
        try {
            return readUnchecked(data, expected);
        } catch (BadInputException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw io.oris.storage.d4rl.D4rlLayout.corrupt(data, e);
        }
    }

    private static TransitionArrays readUnchecked(Path data, EnvDims expected) {
        HdfFile hdf;
        try {
            hdf = new HdfFile(io.oris.storage.fs.LocalCopies.of(data));
        } catch (RuntimeException e) {
            throw new BadInputException(data, "", "cannot be opened as HDF5 (truncated or corrupt?): " + e.getMessage(), e);
        }
        try (hdf) {
            List<Map.Entry<Long, Group>> episodes = new ArrayList<>();
            for (Map.Entry<String, Node> e : hdf.getChildren().entrySet()) {
                if (e.getKey().startsWith("episode_") && e.getValue() instanceof Group g) {
                    try {
                        episodes.add(Map.entry(Long.parseLong(e.getKey().substring("episode_".length())), g));
                    } catch (NumberFormatException ex) {
                        throw new BadInputException(data, "group '" + e.getKey() + "'", "expected episode_{integer id}");
                    }
                }
            }
            if (episodes.isEmpty()) {
                throw new BadInputException(data, "", "has no episode_{id} groups (keys: " + Hdf5Columns.keys(hdf) + ")");
            }
            episodes.sort(Map.Entry.comparingByKey());
            boolean withState = true;
            for (Map.Entry<Long, Group> e : episodes) {
                Hdf5Columns cols = new Hdf5Columns(data, e.getValue());
                withState &= expected.nq() > 0 && cols.find("infos/qpos") != null && cols.find("infos/qvel") != null;
            }
            int nq = withState ? expected.nq() : 0;
            int nv = withState ? expected.nv() : 0;
            TransitionBuilder builder = new TransitionBuilder(expected.obsDim(), expected.actionDim(), nq, nv);
            int od = expected.obsDim();
            int ad = expected.actionDim();
            for (Map.Entry<Long, Group> e : episodes) {
                String name = "episode_" + e.getKey() + "/";
                Hdf5Columns cols = new Hdf5Columns(data, e.getValue(), name);
                if (e.getValue().getChildren().get("observations") instanceof Group) {
                    throw new BadInputException(data, "group '" + name + "observations'", "is a group (a Dict"
                            + " observation space); only flat Box observations can become a transition dataset");
                }
                Dataset obsD = cols.require("observations");
                int tPlus1 = cols.rows(name + "observations", obsD);
                int steps = tPlus1 - 1;
                cols.checkShape(name + "observations", obsD, steps + 1, od, "observation width of " + expected.env()
                        + ", T+1 rows");
                Dataset actD = cols.require("actions");
                cols.checkShape(name + "actions", actD, steps, ad, "action width of " + expected.env() + ", T rows");
                Dataset rewD = cols.require("rewards");
                cols.checkShape(name + "rewards", rewD, steps, 1, "T rows");
                Dataset termD = cols.require("terminations");
                cols.checkShape(name + "terminations", termD, steps, 1, "T rows");
                Dataset truncD = cols.require("truncations");
                cols.checkShape(name + "truncations", truncD, steps, 1, "T rows");
                float[] obs = cols.floats(name + "observations", obsD, 0, steps + 1);
                float[] act = cols.floats(name + "actions", actD, 0, steps);
                float[] rew = cols.floats(name + "rewards", rewD, 0, steps);
                boolean[] term = cols.booleans(name + "terminations", termD, 0, steps);
                boolean[] trunc = cols.booleans(name + "truncations", truncD, 0, steps);
                double[] qpos = null;
                double[] qvel = null;
                if (withState) {
                    Dataset qp = cols.require("infos/qpos");
                    Dataset qv = cols.require("infos/qvel");
                    int qpRows = cols.rows(name + "infos/qpos", qp);
                    cols.checkShape(name + "infos/qpos", qp, qpRows == steps + 1 ? steps + 1 : steps, nq, "nq");
                    cols.checkShape(name + "infos/qvel", qv, qpRows == steps + 1 ? steps + 1 : steps, nv, "nv");
                    qpos = cols.doubles(name + "infos/qpos", qp, 0, steps);
                    qvel = cols.doubles(name + "infos/qvel", qv, 0, steps);
                }
                float[] o = new float[od];
                float[] no = new float[od];
                float[] a = new float[ad];
                double[] qpRow = withState ? new double[nq] : null;
                double[] qvRow = withState ? new double[nv] : null;
                for (int i = 0; i < steps; i++) {
                    System.arraycopy(obs, i * od, o, 0, od);
                    System.arraycopy(obs, (i + 1) * od, no, 0, od);
                    System.arraycopy(act, i * ad, a, 0, ad);
                    if (withState) {
                        System.arraycopy(qpos, i * nq, qpRow, 0, nq);
                        System.arraycopy(qvel, i * nv, qvRow, 0, nv);
                    }
                    builder.add(e.getKey(), i, o, a, rew[i], no, term[i], trunc[i], qpRow, qvRow);
                }
            }
            if (builder.rows() == 0) {
                throw new BadInputException(data, "", "holds no transitions");
            }
            return builder.build();
        }
    }
}
