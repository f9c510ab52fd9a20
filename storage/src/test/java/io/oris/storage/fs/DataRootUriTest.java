package io.oris.storage.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Parsing of data-root text: plain paths, file: URIs, Hadoop URIs, and the one-line errors for bad ones. */
class DataRootUriTest {
    @Test
    void plainPathsAndFileUrisAreLocal() {
        Path cwd = Path.of("").toAbsolutePath();
        assertEquals(cwd.resolve("oris-data"), DataRootUri.resolve("./oris-data"));
        assertEquals(Path.of("/tmp/x"), DataRootUri.resolve("/tmp/a/../x"));
        assertEquals(Path.of("/tmp/x"), DataRootUri.resolve("file:///tmp/x"));
        assertEquals(Path.of("/tmp/x"), DataRootUri.resolve("file:/tmp/x"));
        assertEquals(FileSystems.getDefault(), DataRootUri.resolve("file:///tmp/x").getFileSystem());
    }

    @Test
    void hdfsUrisGivePathsOnHadoopThatPrintAsTheUri() {
        Path p = DataRootUri.resolve("hdfs://127.0.0.1:9/oris/./a/..");
        assertFalse(p.getFileSystem() == FileSystems.getDefault());
        assertEquals("hdfs://127.0.0.1:9/oris", p.toString());
        assertEquals("hdfs://127.0.0.1:9/oris/datasets", p.resolve("datasets").toString());
        assertTrue(DataRootUri.renamesAtomically(p));
    }

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> DataRootUri.resolve(text)).getMessage();
    }

    @Test
    void badUrisFailInOneLineNamingTheUri() {
        assertEquals("bad data root 'hdfs://a b/x': not a URI (Illegal character in authority at index 7)",
                error("hdfs://a b/x"));
        assertEquals("bad data root 'hdfs:oris': expected hdfs://authority/absolute/path or a plain path",
                error("hdfs:oris"));
        assertEquals("bad data root 'hdfs:///oris': no authority (expected hdfs://host-or-bucket/path)",
                error("hdfs:///oris"));
        assertEquals("bad data root 'file://host/x': a file: URI names a local path (file:///abs/path), not host 'host'",
                error("file://host/x"));
        assertEquals("bad data root ' ': empty", error(" "));
    }

    @Test
    void missingFileSystemModulesAreNamed() {
        assertEquals("bad data root 's3a://bucket/oris': scheme 's3a' needs org.apache.hadoop:hadoop-aws (and its"
                + " dependencies) on the class path", error("s3a://bucket/oris"));
        assertEquals("bad data root 'gs://b/o': scheme 'gs' needs com.google.cloud.bigdataoss:gcs-connector (and its"
                + " dependencies) on the class path", error("gs://b/o"));
        assertEquals("bad data root 'nosuch://x/y': no Hadoop file system for scheme 'nosuch' on the class path",
                error("nosuch://x/y"));
    }
}
