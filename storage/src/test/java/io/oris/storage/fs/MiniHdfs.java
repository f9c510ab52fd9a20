package io.oris.storage.fs;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/** A real single-datanode HDFS on 127.0.0.1 for tests, its blocks and metadata under a given folder. */
final class MiniHdfs implements AutoCloseable {
    private final MiniDFSCluster cluster;

    MiniHdfs(Path baseDir) throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toAbsolutePath().toString());
        conf.setInt("dfs.replication", 1);
        this.cluster = new MiniDFSCluster.Builder(conf, baseDir.toAbsolutePath().toFile()).numDataNodes(1)
                .format(true).build();
        cluster.waitActive();
    }

    /** {@code hdfs://127.0.0.1:PORT}. */
    String uri() {
        return "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    }

    @Override
    public void close() {
        cluster.shutdown(true);
    }
}
