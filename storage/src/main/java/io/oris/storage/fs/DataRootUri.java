package io.oris.storage.fs;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;

/**
 * Turns the text of a data root ({@code --data-root}, {@code $ORIS_DATA_ROOT}, a job's {@code data_root}, or a path a
 * Spark task received as a string) into the {@link Path} every store works on: a plain path or a {@code file:} URI
 * gives a local path; {@code hdfs://}, {@code s3a://} and any other scheme Hadoop knows give a path on that Hadoop
 * file system. The way back is {@code path.toString()} (a full URI for Hadoop paths), so what a driver hands to an
 * executor is resolved again there. A malformed URI, an unknown scheme, or a scheme whose Hadoop module is not on the
 * class path fails with a one-line message naming the URI (and the module to add).
 */
public final class DataRootUri {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    /** Schemes whose rename is one atomic metadata operation; anything else is treated as an object store. */
    private static final Set<String> ATOMIC_RENAME = Set.of("hdfs", "webhdfs", "swebhdfs", "viewfs", "ofs", "o3fs");
    /** The artifact that brings the Hadoop client of a scheme. */
    private static final Map<String, String> MODULES = Map.of(
            "s3a", "org.apache.hadoop:hadoop-aws",
            "abfs", "org.apache.hadoop:hadoop-azure",
            "abfss", "org.apache.hadoop:hadoop-azure",
            "wasb", "org.apache.hadoop:hadoop-azure",
            "wasbs", "org.apache.hadoop:hadoop-azure",
            "gs", "com.google.cloud.bigdataoss:gcs-connector",
            "oss", "org.apache.hadoop:hadoop-aliyun",
            "ofs", "org.apache.ozone:ozone-filesystem-hadoop3",
            "o3fs", "org.apache.ozone:ozone-filesystem-hadoop3");

    private DataRootUri() {
    }

    /** The path named by {@code text} (absolute and normalized), with Hadoop's default configuration. */
    public static Path resolve(String text) {
        return resolve(text, new Configuration());
    }

    /** The path named by {@code text} (absolute and normalized); Hadoop clients are made with {@code conf}. */
    public static Path resolve(String text, Configuration conf) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("bad data root '" + text + "': empty");
        }
        String t = text.strip();
        if (!SCHEME.matcher(t).matches()) {
            return local(t, text);
        }
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad data root '" + text + "': not a URI (" + e.getReason()
                    + " at index " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.isOpaque() || uri.getPath() == null) {
            throw new IllegalArgumentException("bad data root '" + text + "': expected " + scheme
                    + "://authority/absolute/path or a plain path");
        }
        if (scheme.equals("file")) {
            if (uri.getAuthority() != null && !uri.getAuthority().isEmpty()
                    && !uri.getAuthority().equals("localhost")) {
                throw new IllegalArgumentException("bad data root '" + text + "': a file: URI names a local path"
                        + " (file:///abs/path), not host '" + uri.getAuthority() + "'");
            }
            return local(uri.getPath(), text);
        }
        if (uri.getAuthority() == null || uri.getAuthority().isEmpty()) {
            throw new IllegalArgumentException("bad data root '" + text + "': no authority (expected " + scheme
                    + "://host-or-bucket/path)");
        }
        return hadoopPath(text, uri, scheme, conf);
    }

    /** True when renames on {@code path}'s file system are atomic (local disks, HDFS), false on object stores. */
    public static boolean renamesAtomically(Path path) {
        return !(path.getFileSystem() instanceof HadoopNioFileSystem h) || h.renamesAtomically();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static Path local(String path, String text) {
        try {
            return FileSystems.getDefault().getPath(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("bad data root '" + text + "': " + e.getMessage(), e);
        }
    }

    private static Path hadoopPath(String text, URI uri, String scheme, Configuration conf) {
        try {
            org.apache.hadoop.fs.FileSystem.getFileSystemClass(scheme, conf);
        } catch (IOException | RuntimeException | LinkageError e) {
            String module = MODULES.get(scheme);
            throw new IllegalArgumentException("bad data root '" + text + "': "
                    + (module == null ? "no Hadoop file system for scheme '" + scheme + "' on the class path"
                    : "scheme '" + scheme + "' needs " + module + " (and its dependencies) on the class path"));
        }
        URI base = URI.create(scheme + "://" + uri.getRawAuthority());
        org.apache.hadoop.fs.FileSystem hadoop;
        try {
            hadoop = org.apache.hadoop.fs.FileSystem.get(base, conf);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("bad data root '" + text + "': cannot open its Hadoop file system: "
                    + firstLine(e.getMessage()));
        }
        HadoopFileSystemProvider provider = new HadoopFileSystemProvider(scheme);
        HadoopNioFileSystem fs = new HadoopNioFileSystem(provider, hadoop, base, ATOMIC_RENAME.contains(scheme));
        String path = uri.getPath().isEmpty() ? "/" : uri.getPath();
        return fs.getPath(path).normalize();
    }
}
