package io.oris.orchestration.descriptor;

import io.oris.storage.Manifest;
import io.oris.storage.ShippedDatasets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code datasets:} list of the sweep. Entries: a D4RL file name
 * ({@code hopper_medium_replay-v2.hdf5}); {@code {d4rl: LEVEL | [LEVELS]}} for those levels of every env;
 * {@code {collect: POLICY, size: N}} for a dataset the collect stage records in every env (pick-place:
 * {@code {collect: scripted}}, size optional, default {@link DatasetSpec#SCRIPTED_DEFAULT_SIZE});
 * {@code {shipped: ID}} for a dataset shipped with oris (its env from its manifest);
 * {@code {minari: mujoco/hopper/medium-v0}} for a Minari dataset (env from its id, or {@code env:});
 * {@code {of: DATASET, fraction: F | [F...]}} for trajectory subsets; {@code {logs: PATH, env: ENV}} for
 * robot logs. Map entries may narrow the envs with {@code envs:}.
 */
final class DatasetParser {
    private static final Pattern D4RL_FILE =
            Pattern.compile("(hopper|walker2d|halfcheetah)_(random|medium|medium_replay|medium_expert|expert)-v2\\.hdf5");
    private final List<String> envs;
    private final ShippedDatasets shipped;

    DatasetParser(List<String> envs, ShippedDatasets shipped) {
        this.envs = envs;
        this.shipped = shipped;
    }

    List<DatasetSpec> parse(YamlNode node) {
        Map<String, DatasetSpec> byId = new LinkedHashMap<>();
        for (YamlNode entry : node.list()) {
            for (DatasetSpec d : entry(entry)) {
                if (byId.putIfAbsent(d.id(), d) != null) {
                    throw entry.error("dataset " + d.id() + " is listed twice");
                }
            }
        }
        return List.copyOf(byId.values());
    }

    private List<DatasetSpec> entry(YamlNode node) {
        if (node.isScalar()) {
            return List.of(d4rlFile(node));
        }
        Map<String, YamlNode> m = node.map();
        if (m.containsKey("d4rl")) {
            m = node.map(Set.of("d4rl", "envs"));
            List<DatasetSpec> out = new ArrayList<>();
            for (String env : envsOf(m, node)) {
                if (env.equals(DatasetSpec.PICK_PLACE)) {
                    throw node.error("pick-place has no D4RL datasets; use {collect: scripted} (the rule-based data of"
                            + " ORIS Table III) or its robot logs, or narrow this entry with envs: [hopper, ...]");
                }
                for (YamlNode level : m.get("d4rl").list(true)) {
                    out.add(new DatasetSpec.D4rl(env, level.choice(Set.copyOf(DatasetSpec.D4RL_LEVELS))));
                }
            }
            return out;
        }
        if (m.containsKey("collect")) {
            m = node.map(Set.of("collect", "size", "envs", "seed", "params"));
            String policy = m.get("collect").choice(Set.copyOf(DatasetSpec.COLLECT_POLICIES));
            boolean scripted = policy.equals(DatasetSpec.SCRIPTED);
            if (!m.containsKey("size") && !scripted) {
                throw node.error("a collected dataset needs 'size' (transitions to record, e.g. 20000)");
            }
            long size = m.containsKey("size") ? m.get("size").longAtLeast(1) : DatasetSpec.SCRIPTED_DEFAULT_SIZE;
            long seed = m.containsKey("seed") ? m.get("seed").longAtLeast(0) : 0;
            Map<String, Object> params = new LinkedHashMap<>();
            if (m.containsKey("params") && !m.get("params").isNull()) {
                m.get("params").map().forEach((k, v) -> params.put(k, v.plain()));
            }
            List<DatasetSpec> out = new ArrayList<>();
            for (String env : envsOf(m, node)) {
                String mismatch = DatasetSpec.collectMismatch(env, policy).orElse(null);
                if (mismatch != null) {
                    throw m.get("collect").error(mismatch + " (this entry is made for envs " + envsOf(m, node)
                            + "; give it its own 'envs:' to narrow them)");
                }
                out.add(new DatasetSpec.Collected(env, policy, size, seed, params));
            }
            return out;
        }
        if (m.containsKey("shipped")) {
            m = node.map(Set.of("shipped"));
            YamlNode idNode = m.get("shipped");
            String id = idNode.string();
            if (!shipped.has(id)) {
                List<String> ids = shipped.ids();
                throw idNode.error("no shipped dataset '" + id + "' in " + shipped.where() + "; shipped: "
                        + (ids.isEmpty() ? "none" : String.join(", ", ids)));
            }
            Manifest manifest;
            try {
                manifest = shipped.manifest(id);
            } catch (RuntimeException e) {
                throw idNode.error(e.getMessage());
            }
            if (!SweepParser.ENVS.contains(manifest.env())) {
                throw idNode.error("shipped dataset '" + id + "' is for env '" + manifest.env() + "'; expected one of "
                        + SweepParser.ENVS);
            }
            return List.of(new DatasetSpec.Shipped(id, manifest.env(), manifest.fingerprint()));
        }
        if (m.containsKey("of")) {
            m = node.map(Set.of("of", "fraction", "seed"));
            if (!m.containsKey("fraction")) {
                throw node.error("a subset needs 'fraction' (e.g. 0.25, or [0.25, 0.05])");
            }
            long seed = m.containsKey("seed") ? m.get("seed").longAtLeast(0) : 0;
            List<DatasetSpec> out = new ArrayList<>();
            for (DatasetSpec parent : entry(m.get("of"))) {
                for (YamlNode f : m.get("fraction").list(true)) {
                    double fraction = f.doubleValue();
                    if (!(fraction > 0 && fraction < 1)) {
                        throw f.error("expected a fraction strictly between 0 and 1 (the full dataset is listed on its own)");
                    }
                    out.add(new DatasetSpec.Subset(parent, fraction, seed));
                }
            }
            return out;
        }
        if (m.containsKey("minari")) {
            m = node.map(Set.of("minari", "env"));
            YamlNode idNode = m.get("minari");
            String datasetId = idNode.string();
            if (!DatasetSpec.Minari.DATASET_ID.matcher(datasetId).matches()) {
                throw idNode.error("'" + datasetId + "' is not a Minari dataset id; expected e.g. mujoco/hopper/medium-v0");
            }
            String env;
            if (m.containsKey("env")) {
                env = m.get("env").choice(Set.copyOf(SweepParser.LOCOMOTION_ENVS));
            } else {
                String[] parts = datasetId.split("/");
                env = parts.length >= 3 ? parts[parts.length - 2] : "";
                if (!SweepParser.LOCOMOTION_ENVS.contains(env)) {
                    throw idNode.error("cannot tell the env of Minari dataset '" + datasetId + "' (its second-to-last part "
                            + "is '" + env + "'); add env: one of " + SweepParser.LOCOMOTION_ENVS);
                }
            }
            return List.of(new DatasetSpec.Minari(datasetId, env));
        }
        if (m.containsKey("logs")) {
            m = node.map(Set.of("logs", "env", "format"));
            String env;
            if (m.containsKey("env")) {
                env = m.get("env").choice(Set.copyOf(SweepParser.ENVS));
            } else if (envs.size() == 1) {
                env = envs.get(0);
            } else {
                throw node.error("robot logs need 'env' (which environment's observation/action layout they use)");
            }
            String format = m.containsKey("format") ? m.get("format").choice(Set.of("csv", "jsonl")) : "csv";
            return List.of(new DatasetSpec.Logs(env, m.get("logs").string(), format));
        }
        throw node.error("unknown dataset entry; expected a D4RL file name (e.g. hopper_medium_replay-v2.hdf5) or a mapping"
                + " with one of d4rl, collect, shipped, minari, of, logs");
    }

    private static DatasetSpec d4rlFile(YamlNode node) {
        String name = node.string();
        Matcher matcher = D4RL_FILE.matcher(name);
        if (!matcher.matches()) {
            throw node.error("'" + name + "' is not a D4RL v2 file name; expected {env}_{level}-v2.hdf5 with env in "
                    + SweepParser.LOCOMOTION_ENVS + " and level in [random, medium, medium_replay, medium_expert, expert]");
        }
        return new DatasetSpec.D4rl(matcher.group(1), matcher.group(2).replace('_', '-'));
    }

    private List<String> envsOf(Map<String, YamlNode> m, YamlNode node) {
        if (m.containsKey("envs")) {
            List<String> out = new ArrayList<>();
            for (YamlNode e : m.get("envs").list(true)) {
                out.add(e.choice(Set.copyOf(SweepParser.ENVS)));
            }
            return out;
        }
        if (envs.isEmpty()) {
            throw node.error("this entry is made for every env of the sweep, but 'envs' is not given; list envs "
                    + "(e.g. envs: [hopper]) or give the entry its own 'envs:'");
        }
        return envs;
    }
}
