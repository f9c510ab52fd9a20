package io.oris.pipeline.stages;

import io.oris.storage.DatasetDescription;
import io.oris.storage.DatasetStore;
import io.oris.storage.EnvDims;
import io.oris.storage.Manifest;
import io.oris.storage.ShippedDatasets;
import io.oris.storage.TransitionArrays;
import io.oris.storage.TransitionBuilder;
import java.nio.file.Path;
import java.util.List;

/** A tiny shipped dataset for tests: 40 hopper rows in 2 episodes, written by the store into a temp folder. */
public final class ShippedFixture {
    private ShippedFixture() {
    }

    /** A tiny hopper dataset written by the store, in a folder laid out like jobs/data. */
    public static ShippedDatasets tinyShipped(Path dir, String id) {
        TransitionBuilder b = new TransitionBuilder(11, 3, 6, 6);
        for (int i = 0; i < 40; i++) {
            float[] obs = new float[11];
            obs[0] = i;
            b.add(i / 20, i % 20, obs, new float[] {0.1f, -0.2f, i / 40f}, i * 0.5f, obs, false, i % 20 == 19,
                    new double[6], new double[6]);
        }
        TransitionArrays data = b.build();
        DatasetStore fixture = new DatasetStore(dir.resolve("shipped-src"));
        fixture.write(id, data, new DatasetDescription(new EnvDims("hopper", 11, 3, 6, 6), "fp-" + id,
                new Manifest.Source("collect", List.of(), "float32", null),
                new Manifest.Made("oris collect", null, null, null), null), false);
        return new ShippedDatasets(fixture.layout().datasets());
    }
}
