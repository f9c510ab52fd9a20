package io.oris.pipeline.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real single-datanode HDFS (Hadoop's MiniDFSCluster) on 127.0.0.1 for tests, its blocks and metadata under a given
 * folder; other JVMs (Spark drivers and executors) reach it at {@link #uri()}.
 */
public final class MiniHdfs implements AutoCloseable {
    private final MiniDFSCluster cluster;

    /** Formats and starts the cluster and waits until its datanode is up. */
    public MiniHdfs(Path baseDir) throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toAbsolutePath().toString());
        conf.setInt("dfs.replication", 1);
        this.cluster = new MiniDFSCluster.Builder(conf, baseDir.toAbsolutePath().toFile()).numDataNodes(1)
                .format(true).build();
        cluster.waitActive();
    }

    /** {@code hdfs://127.0.0.1:PORT}. */
    public String uri() {
        return "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    }

    /**
     * Every path under {@code root} whose name marks an unfinished or replaced write (a hidden {@code .tmp-} or
     * {@code .old-} sibling, a {@code .replaced.} dataset, a {@code lease.stale-} file) or that lies in {@code .staging/}.
     */
    public static List<Path> leftovers(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> {
                String name = p.getFileName() == null ? "" : p.getFileName().toString();
                return name.contains(".tmp-") || name.contains(".old-") || name.contains(".replaced.")
                        || name.contains(".stale-") || (p.getParent() != null
                        && root.relativize(p).toString().startsWith(".staging/"));
            }).toList();
        }
    }

    @Override
    public void close() {
        cluster.shutdown(true);
    }
}
