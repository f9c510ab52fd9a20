package io.oris.storage.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.storage.BadInputException;
import io.oris.storage.TransitionArrays;
import io.oris.storage.TransitionBuilder;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransitionParquetTest {
    @TempDir
    Path dir;

    private static TransitionArrays ramp(int rows, int od, int ad, int nq) {
        TransitionBuilder b = new TransitionBuilder(od, ad, nq, nq);
        for (int i = 0; i < rows; i++) {
            float[] o = new float[od];
            float[] n = new float[od];
            float[] a = new float[ad];
            double[] q = nq > 0 ? new double[nq] : null;
            for (int k = 0; k < od; k++) {
                o[k] = i * 0.001f + k;
                n[k] = -o[k];
            }
            for (int k = 0; k < ad; k++) {
                a[k] = k - i;
            }
            for (int k = 0; k < nq; k++) {
                q[k] = Math.PI * i + k;
            }
            b.add(i / 100, i % 100, o, a, i * 0.5f, n, i % 100 == 99, false, q, q);
        }
        return b.build();
    }

    @Test
    void manyRowGroupsAndARangeReadBackExactly() throws Exception {
        TransitionArrays data = ramp(20_000, 11, 3, 6);
        Path file = dir.resolve("p.parquet");
        PartSummary s = new TransitionParquetWriter(CompressionCodecName.SNAPPY, 256 * 1024)
                .write(file, data, 1000, 19_000);
        assertEquals(18_000, s.rows());
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            assertTrue(r.getRowGroups().size() > 3, "row groups: " + r.getRowGroups().size());
        }
        TransitionArrays back = TransitionParquetReader.read(List.of(file), 11, 3, 6, 6);
        TransitionArrays expected = data.slice(1000, 19_000);
        assertArrayEquals(expected.episode(), back.episode());
        assertArrayEquals(expected.t(), back.t());
        assertArrayEquals(expected.obs(), back.obs());
        assertArrayEquals(expected.nextObs(), back.nextObs());
        assertArrayEquals(expected.action(), back.action());
        assertArrayEquals(expected.reward(), back.reward());
        assertArrayEquals(expected.terminal(), back.terminal());
        assertArrayEquals(expected.qpos(), back.qpos());
        assertArrayEquals(expected.qvel(), back.qvel());
        assertEquals(180, s.returns().size());
        assertEquals((1000 + 1099) * 100 / 2 * 0.5, s.returns().get(10L), 1e-6);
    }

    @Test
    void readingWithTheWrongWidthFailsNamingTheColumn() {
        TransitionArrays data = ramp(50, 11, 3, 0);
        Path file = dir.resolve("w.parquet");
        new TransitionParquetWriter().write(file, data, 0, 50);
        BadInputException e = assertThrows(BadInputException.class,
                () -> TransitionParquetReader.read(List.of(file), 17, 3, 0, 0));
        assertTrue(e.getMessage().contains("'obs'") && e.getMessage().contains("expected 17"), e.getMessage());
        BadInputException missing = assertThrows(BadInputException.class,
                () -> TransitionParquetReader.read(List.of(file), 11, 3, 6, 6));
        assertTrue(missing.getMessage().contains(file + ": column 'qpos': missing"), missing.getMessage());
    }
}
