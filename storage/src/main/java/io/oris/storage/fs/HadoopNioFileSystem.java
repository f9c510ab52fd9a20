package io.oris.storage.fs;

import java.net.URI;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;

/**
 * One Hadoop file system ({@code hdfs://namenode:8020}, {@code s3a://bucket}) seen as a {@link FileSystem}, so the
 * project's stores keep using {@code Path}/{@code Files} whatever holds the data root. Closing it does nothing: the
 * Hadoop client underneath is Hadoop's shared, cached instance for the URI.
 */
final class HadoopNioFileSystem extends FileSystem {
    private final HadoopFileSystemProvider provider;
    private final org.apache.hadoop.fs.FileSystem hadoop;
    private final URI base;
    private final boolean atomicRename;

    HadoopNioFileSystem(HadoopFileSystemProvider provider, org.apache.hadoop.fs.FileSystem hadoop, URI base,
                        boolean atomicRename) {
        this.provider = provider;
        this.hadoop = hadoop;
        this.base = base;
        this.atomicRename = atomicRename;
    }

    /** The Hadoop client. */
    org.apache.hadoop.fs.FileSystem hadoop() {
        return hadoop;
    }

    /** {@code scheme://authority} of this file system. */
    URI baseUri() {
        return base;
    }

    /** Whether a rename is one atomic metadata operation here (HDFS) rather than a copy (object stores). */
    boolean renamesAtomically() {
        return atomicRename;
    }

    /** True when {@code other} names the same store (two instances made by separate resolves of one URI). */
    boolean sameStore(HadoopNioFileSystem other) {
        return base.equals(other.base);
    }

    @Override
    public HadoopFileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        // the Hadoop client is shared (FileSystem.get's cache); closing it here would break other users of the URI
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(new HadoopPath(this, "/"));
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic");
    }

    /** A path from '/'-separated parts; a first part that is a full URI of this file system is taken as its path. */
    @Override
    public Path getPath(String first, String... more) {
        String head = first;
        if (first.contains("://")) {
            URI uri = URI.create(first);
            if (!base.getScheme().equalsIgnoreCase(uri.getScheme())
                    || !String.valueOf(base.getAuthority()).equals(String.valueOf(uri.getAuthority()))) {
                throw new IllegalArgumentException(first + " is not on " + base);
            }
            head = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        }
        StringBuilder b = new StringBuilder(head);
        for (String m : more) {
            if (!m.isEmpty()) {
                b.append(b.length() == 0 ? "" : "/").append(m);
            }
        }
        return new HadoopPath(this, b.toString());
    }

    /** Glob and regex matchers, with the default file system's syntax, applied to the path string. */
    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher local = FileSystems.getDefault().getPathMatcher(syntaxAndPattern);
        return p -> local.matches(Path.of(((HadoopPath) p).pathString()));
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("user principals are not supported on " + base);
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("watching is not supported on " + base);
    }
}
