package io.oris.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.oris.storage.parquet.TransitionParquetReader;
import io.oris.storage.parquet.TransitionSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark reads what the standalone writer writes, and the standalone reader reads what Spark writes. */
class SparkParquetCompatTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("storage-compat")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void sparkReadsOurDatasetWithTheDocumentedSchema() {
        DatasetStore store = new DatasetStore(dir);
        TransitionArrays data = DatasetStoreTest.random(700, 11, 3, 6, 6, 11);
        store.write("d", data, DatasetStoreTest.description(data, "hopper"), false);
        Dataset<Row> df = spark.read().parquet(store.layout().parquet("d").toString());
        StructType schema = df.schema();
        assertEquals(DataTypes.LongType, schema.apply("episode").dataType());
        assertEquals(DataTypes.IntegerType, schema.apply("t").dataType());
        // Spark reports file columns as nullable whatever the file says; the element types are what matter
        assertEquals(DataTypes.FloatType, ((ArrayType) schema.apply("obs").dataType()).elementType());
        assertEquals(DataTypes.FloatType, ((ArrayType) schema.apply("action").dataType()).elementType());
        assertEquals(DataTypes.FloatType, ((ArrayType) schema.apply("next_obs").dataType()).elementType());
        assertEquals(DataTypes.FloatType, schema.apply("reward").dataType());
        assertEquals(DataTypes.BooleanType, schema.apply("terminal").dataType());
        assertEquals(DataTypes.DoubleType, ((ArrayType) schema.apply("qpos").dataType()).elementType());
        assertEquals(DataTypes.BooleanType, schema.apply("timeout").dataType());
        assertArrayEquals(StructType.fromDDL(TransitionSchema.sparkDdl(true)).fieldNames(), schema.fieldNames());
        // and the Parquet file itself declares every column required
        assertEquals("REQUIRED", TransitionParquetReader.schema(store.partFiles("d").get(0)).getType("obs")
                .getRepetition().name());
        List<Row> rows = df.orderBy("episode", "t").collectAsList();
        assertEquals(700, rows.size());
        for (int i = 0; i < rows.size(); i += 37) {
            Row r = rows.get(i);
            assertEquals(data.episode()[i], r.getLong(r.fieldIndex("episode")));
            assertEquals(data.t()[i], r.getInt(r.fieldIndex("t")));
            List<Float> obs = r.getList(r.fieldIndex("obs"));
            for (int k = 0; k < 11; k++) {
                assertEquals(data.obs()[i * 11 + k], obs.get(k));
            }
            assertEquals(data.reward()[i], r.getFloat(r.fieldIndex("reward")));
            assertEquals(data.timeout()[i], r.getBoolean(r.fieldIndex("timeout")));
            List<Double> qvel = r.getList(r.fieldIndex("qvel"));
            assertEquals(data.qvel()[i * 6 + 5], qvel.get(5));
        }
    }

    @Test
    void ourReaderReadsWhatSparkWrites() throws IOException {
        DatasetStore store = new DatasetStore(dir);
        TransitionArrays data = DatasetStoreTest.random(500, 17, 6, 9, 9, 12);
        store.write("src", data, DatasetStoreTest.description(data, "walker2d"), false);
        Path out = dir.resolve("spark-out");
        spark.read().parquet(store.layout().parquet("src").toString()).orderBy("episode", "t").coalesce(1)
                .write().parquet(out.toString());
        List<Path> parts;
        try (Stream<Path> s = Files.list(out)) {
            parts = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        TransitionArrays back = TransitionParquetReader.read(parts, 17, 6, 9, 9);
        DatasetStoreTest.assertSame(data, back);
        // Spark writes nullable columns: the schema differs, the values do not
        assertEquals("OPTIONAL", TransitionParquetReader.schema(parts.get(0)).getType("obs").getRepetition().name());
    }
}
