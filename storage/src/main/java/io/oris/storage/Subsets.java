package io.oris.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Derived datasets made of a seeded random selection of whole trajectories (the ORIS small-data study
 * uses 25 % and 5 %). The result is a dataset like any other, with the parent, fraction and seed in its
 * manifest's lineage; the same parent, fraction and seed always select the same episodes.
 */
public final class Subsets {
    private Subsets() {
    }

    /** The default id of a subset: {@code <parent>-f0.25-s0}. */
    public static String defaultId(String parent, double fraction, long seed) {
        String f = Double.toString(fraction).replaceAll("0+$", "").replaceAll("\\.$", "");
        return parent + "-f" + f + "-s" + seed;
    }

    /**
     * Writes the subset of {@code parent} keeping {@code round(fraction × episodes)} episodes (at least one),
     * chosen by a seeded shuffle and kept in the parent's order.
     *
     * @param id dataset id, or null for {@link #defaultId}
     */
    public static IngestResult subset(DatasetStore store, String parent, double fraction, long seed, String id,
            boolean overwrite) {
        long start = System.nanoTime();
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("--fraction must be in (0, 1], got " + fraction);
        }
        Manifest pm = store.manifest(parent);
        String datasetId = id != null ? id : defaultId(parent, fraction, seed);
        String fingerprint = Sha256.ofString("subset|" + pm.fingerprint() + "|fraction=" + fraction + "|seed=" + seed);
        if (store.decide(datasetId, fingerprint, overwrite) == DatasetStore.WriteDecision.UNCHANGED) {
            return new IngestResult(datasetId, IngestResult.Status.UNCHANGED, store.manifest(datasetId),
                    (System.nanoTime() - start) / 1e9);
        }
        TransitionArrays data = store.read(parent);
        long[] chosen = chooseEpisodes(data, fraction, seed);
        TransitionArrays kept = keepEpisodes(data, chosen);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("fraction", fraction);
        options.put("seed", seed);
        DatasetDescription description = new DatasetDescription(pm.dims(), fingerprint,
                new Manifest.Source("subset", List.of(), pm.source() == null ? null : pm.source().dtype(), null),
                new Manifest.Made("oris datasets subset", null, options, List.of("whole trajectories: " + chosen.length
                        + " of " + data.episodeCount() + " episodes")),
                new Manifest.Lineage(parent, pm.fingerprint(), fraction, seed, chosen.length));
        Manifest m = store.write(datasetId, kept, description, overwrite);
        return new IngestResult(datasetId, IngestResult.Status.WRITTEN, m, (System.nanoTime() - start) / 1e9);
    }

    /** The episode ids a subset keeps, sorted ascending. */
    public static long[] chooseEpisodes(TransitionArrays data, double fraction, long seed) {
        List<Long> ids = new ArrayList<>();
        long[] episode = data.episode();
        for (int i = 0; i < data.rows(); i++) {
            if (i == 0 || episode[i] != episode[i - 1]) {
                ids.add(episode[i]);
            }
        }
        long[] all = ids.stream().mapToLong(Long::longValue).distinct().toArray();
        int keep = (int) Math.max(1, Math.round(fraction * all.length));
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = all.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            long tmp = all[i];
            all[i] = all[j];
            all[j] = tmp;
        }
        long[] chosen = Arrays.copyOf(all, keep);
        Arrays.sort(chosen);
        return chosen;
    }

    /** The rows of the given episodes (sorted ids), in the original order. */
    public static TransitionArrays keepEpisodes(TransitionArrays data, long[] sortedIds) {
        boolean[] keep = new boolean[data.rows()];
        int kept = 0;
        for (int i = 0; i < data.rows(); i++) {
            keep[i] = Arrays.binarySearch(sortedIds, data.episode()[i]) >= 0;
            kept += keep[i] ? 1 : 0;
        }
        TransitionBuilder b = new TransitionBuilder(data.obsDim(), data.actionDim(), data.nq(), data.nv());
        int od = data.obsDim();
        int ad = data.actionDim();
        float[] o = new float[od];
        float[] no = new float[od];
        float[] a = new float[ad];
        double[] qp = data.nq() > 0 ? new double[data.nq()] : null;
        double[] qv = data.nv() > 0 ? new double[data.nv()] : null;
        for (int i = 0; i < data.rows(); i++) {
            if (!keep[i]) {
                continue;
            }
            System.arraycopy(data.obs(), i * od, o, 0, od);
            System.arraycopy(data.nextObs(), i * od, no, 0, od);
            System.arraycopy(data.action(), i * ad, a, 0, ad);
            if (qp != null) {
                System.arraycopy(data.qpos(), i * data.nq(), qp, 0, data.nq());
            }
            if (qv != null) {
                System.arraycopy(data.qvel(), i * data.nv(), qv, 0, data.nv());
            }
            b.add(data.episode()[i], data.t()[i], o, a, data.reward()[i], no, data.terminal()[i], data.timeout()[i],
                    qp, qv);
        }
        if (b.rows() != kept) {
            throw new IllegalStateException("subset row count mismatch");
        }
        return b.build();
    }
}
