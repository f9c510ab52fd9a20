package io.oris.storage.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.storage.AtomicPublish;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java.nio.file} operations on a real HDFS (a MiniDFSCluster) through the Hadoop-backed provider. */
class HadoopFileSystemProviderTest {
    @TempDir
    static Path base;
    private static MiniHdfs hdfs;

    @BeforeAll
    static void start() throws IOException {
        hdfs = new MiniHdfs(base.resolve("hdfs"));
    }

    @AfterAll
    static void stop() {
        hdfs.close();
    }

    private static Path root(String name) {
        return DataRootUri.resolve(hdfs.uri() + "/t/" + name);
    }

    @Test
    void aD4rlFileOnHdfsIsIngestedIntoAnHdfsDataRoot() throws IOException {
        Path local = io.oris.storage.Hdf5Fixtures.write(base.resolve("hopper_medium-v2.hdf5"),
                io.oris.storage.Hdf5Fixtures.hopperArrays(false, false, true, true));
        Path root = root("d4rl-ingest");
        Path onHdfs = root.resolve("d4rl").resolve("hopper_medium-v2.hdf5");
        Files.createDirectories(onHdfs.getParent());
        Files.copy(local, onHdfs);
        io.oris.storage.DatasetStore store = new io.oris.storage.DatasetStore(root);
        io.oris.storage.IngestResult result = io.oris.storage.d4rl.D4rlIngest.ingest(store, onHdfs, null,
                io.oris.storage.d4rl.D4rlOptions.defaults(), false);
        assertEquals("hopper-medium-v2", result.id());
        io.oris.storage.TransitionArrays fromHdfs = store.read("hopper-medium-v2");
        io.oris.storage.DatasetStore localStore = new io.oris.storage.DatasetStore(base.resolve("local-root"));
        io.oris.storage.d4rl.D4rlIngest.ingest(localStore, local, null, io.oris.storage.d4rl.D4rlOptions.defaults(),
                false);
        io.oris.storage.TransitionArrays fromLocal = localStore.read("hopper-medium-v2");
        assertEquals(fromLocal.rows(), fromHdfs.rows());
        org.junit.jupiter.api.Assertions.assertArrayEquals(fromLocal.obs(), fromHdfs.obs());
        org.junit.jupiter.api.Assertions.assertArrayEquals(fromLocal.reward(), fromHdfs.reward());
    }

    @Test
    void pathsPrintAsUrisAndResolveBackToEqualPaths() {
        Path root = root("paths");
        Path file = root.resolve("datasets").resolve("a").resolve("manifest.json");
        assertEquals(hdfs.uri() + "/t/paths/datasets/a/manifest.json", file.toString());
        assertEquals(file, DataRootUri.resolve(file.toString()), "a URI string names the same path again");
        assertEquals("manifest.json", file.getFileName().toString());
        assertEquals(root.resolve("datasets"), file.getParent().getParent());
        assertEquals("datasets/a/manifest.json", root.relativize(file).toString());
        assertEquals(file, root.resolve("x/../datasets/./a/manifest.json").normalize());
        assertTrue(file.startsWith(root));
        assertTrue(file.endsWith(file.getFileSystem().getPath("a", "manifest.json")));
        assertFalse(file.startsWith(DataRootUri.resolve("hdfs://127.0.0.1:1/t/paths")), "another namenode");
        assertEquals(file.toUri(), java.net.URI.create(file.toString()));
    }

    @Test
    void createReadSeekRenameListAndDelete() throws IOException {
        Path root = root("ops");
        Files.createDirectories(root.resolve("a/b"));
        assertTrue(Files.isDirectory(root.resolve("a/b")));
        Path f = root.resolve("a/b/f.txt");
        Files.writeString(f, "hello hdfs");
        assertEquals("hello hdfs", Files.readString(f));
        assertEquals(10, Files.size(f));
        assertThrows(FileAlreadyExistsException.class, () -> Files.createFile(f), "an exclusive create of an existing file");
        assertThrows(NoSuchFileException.class, () -> Files.readString(root.resolve("missing")));
        assertThrows(NoSuchFileException.class, () -> Files.writeString(root.resolve("no/parent/f"), "x"),
                "as on a local disk, a missing parent folder is not made silently");
        try (SeekableByteChannel ch = Files.newByteChannel(f)) {
            ch.position(6);
            ByteBuffer buf = ByteBuffer.allocate(4);
            assertEquals(4, ch.read(buf));
            assertEquals("hdfs", new String(buf.array(), StandardCharsets.UTF_8));
        }
        Path g = root.resolve("a/g.txt");
        Files.move(f, g, StandardCopyOption.ATOMIC_MOVE);
        assertFalse(Files.exists(f));
        assertEquals("hello hdfs", Files.readString(g));
        Path h = root.resolve("a/h.txt");
        Files.writeString(h, "older");
        Files.move(g, h, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        assertEquals("hello hdfs", Files.readString(h), "an atomic rename replaces the older file");
        assertThrows(FileAlreadyExistsException.class, () -> Files.move(root.resolve("a/b"), root.resolve("a"),
                StandardCopyOption.ATOMIC_MOVE), "a move onto an existing folder fails instead of moving into it");
        try (Stream<Path> list = Files.list(root.resolve("a"))) {
            assertEquals(List.of(root.resolve("a/b"), h), list.sorted().toList());
        }
        FileTime t = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(h, t);
        assertEquals(t, Files.getLastModifiedTime(h));
        assertThrows(DirectoryNotEmptyException.class, () -> Files.delete(root.resolve("a")));
        AtomicPublish.deleteRecursively(root);
        assertFalse(Files.exists(root));
    }

    @Test
    void atomicPublishLeavesNoTemporaryFiles() throws IOException {
        Path root = root("publish");
        AtomicPublish.writeString(root.resolve("status.json"), "{\"ok\": true}");
        AtomicPublish.writeFolder(root.resolve("report"), dir -> {
            Files.writeString(dir.resolve("report.json"), "{}");
            return null;
        });
        AtomicPublish.writeFolder(root.resolve("report"), dir -> {
            Files.writeString(dir.resolve("report.json"), "{\"v\": 2}");
            return null;
        });
        assertEquals("{\"v\": 2}", Files.readString(root.resolve("report/report.json")));
        try (Stream<Path> all = Files.walk(root)) {
            assertEquals(List.of(root, root.resolve("report"), root.resolve("report/report.json"),
                    root.resolve("status.json")), all.sorted().toList(), "nothing temporary is left");
        }
        try (InputStream in = Files.newInputStream(root.resolve("status.json"))) {
            assertArrayEquals("{\"ok\": true}".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
    }
}
