package io.oris.storage.fs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Options;

/**
 * {@code java.nio.file} operations carried out by Hadoop's {@code FileSystem} API, for one Hadoop file system (see
 * {@link HadoopNioFileSystem}). Opened only through {@link DataRootUri}, never installed: Spark executors load the
 * project's jar in a child class loader where installed-provider discovery would not find it. Missing files fail
 * with {@link NoSuchFileException}, exclusive creates with {@link FileAlreadyExistsException}, as on a local disk;
 * a rename is Hadoop's {@code rename} (atomic on HDFS), and {@code ATOMIC_MOVE} on an object store fails with
 * {@link AtomicMoveNotSupportedException} (callers publish there by writing a commit marker last, see
 * {@link ObjectStorePublish}).
 */
final class HadoopFileSystemProvider extends FileSystemProvider {
    private final String scheme;

    HadoopFileSystemProvider(String scheme) {
        this.scheme = scheme;
    }

    @Override
    public String getScheme() {
        return scheme;
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("open " + uri + " with DataRootUri.resolve");
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        throw new UnsupportedOperationException("open " + uri + " with DataRootUri.resolve");
    }

    @Override
    public Path getPath(URI uri) {
        return DataRootUri.resolve(uri.toString());
    }

    private static HadoopPath cast(Path p) {
        if (!(p instanceof HadoopPath h)) {
            throw new ProviderMismatchException("not a Hadoop path: " + p);
        }
        return h;
    }

    private static org.apache.hadoop.fs.FileSystem hfs(Path p) {
        return cast(p).getFileSystem().hadoop();
    }

    private static FileStatus status(Path p) throws IOException {
        try {
            return hfs(p).getFileStatus(cast(p).hadoop());
        } catch (FileNotFoundException e) {
            throw new NoSuchFileException(p.toString());
        }
    }

    private static FileStatus statusOrNull(Path p) throws IOException {
        try {
            return hfs(p).getFileStatus(cast(p).hadoop());
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
                                              FileAttribute<?>... attrs) throws IOException {
        if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)) {
            return new HadoopWriteChannel(create(path, options));
        }
        FileStatus st = status(path);
        if (st.isDirectory()) {
            throw new IOException(path + " is a directory");
        }
        return new HadoopReadChannel(hfs(path).open(cast(path).hadoop()), st.getLen());
    }

    @Override
    public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
        FileStatus st = status(path);
        if (st.isDirectory()) {
            throw new IOException(path + " is a directory");
        }
        return hfs(path).open(cast(path).hadoop());
    }

    @Override
    public OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
        Set<OpenOption> set = options.length == 0
                ? Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)
                : Set.copyOf(Arrays.asList(options));
        return create(path, set);
    }

    private FSDataOutputStream create(Path path, Set<? extends OpenOption> options) throws IOException {
        HadoopPath p = cast(path);
        FileStatus existing = statusOrNull(p);
        if (existing != null && existing.isDirectory()) {
            throw new FileAlreadyExistsException(p.toString(), null, "is a directory");
        }
        if (options.contains(StandardOpenOption.APPEND)) {
            if (existing == null) {
                if (!options.contains(StandardOpenOption.CREATE)) {
                    throw new NoSuchFileException(p.toString());
                }
                requireParent(p);
                return p.getFileSystem().hadoop().create(p.hadoop(), false);
            }
            return p.getFileSystem().hadoop().append(p.hadoop());
        }
        if (options.contains(StandardOpenOption.CREATE_NEW)) {
            if (existing != null) {
                throw new FileAlreadyExistsException(p.toString());
            }
            requireParent(p);
            try {
                return p.getFileSystem().hadoop().create(p.hadoop(), false);
            } catch (org.apache.hadoop.fs.FileAlreadyExistsException raced) {
                throw new FileAlreadyExistsException(p.toString());
            }
        }
        if (existing == null) {
            if (!options.contains(StandardOpenOption.CREATE)) {
                throw new NoSuchFileException(p.toString());
            }
            requireParent(p);
        }
        return p.getFileSystem().hadoop().create(p.hadoop(), true);
    }

    private static void requireParent(HadoopPath p) throws IOException {
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null) {
            FileStatus st = statusOrNull(parent);
            if (st == null) {
                throw new NoSuchFileException(p.toString(), null, "parent folder does not exist");
            }
            if (!st.isDirectory()) {
                throw new NotDirectoryException(parent.toString());
            }
        }
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        FileStatus st = status(dir);
        if (!st.isDirectory()) {
            throw new NotDirectoryException(dir.toString());
        }
        List<Path> children = new ArrayList<>();
        for (FileStatus child : hfs(dir).listStatus(cast(dir).hadoop())) {
            Path c = dir.resolve(child.getPath().getName());
            if (filter == null || filter.accept(c)) {
                children.add(c);
            }
        }
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                return children.iterator();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        HadoopPath p = cast(dir);
        if (statusOrNull(p) != null) {
            throw new FileAlreadyExistsException(p.toString());
        }
        requireParent(p);
        if (!p.getFileSystem().hadoop().mkdirs(p.hadoop())) {
            throw new IOException("cannot create folder " + p);
        }
    }

    @Override
    public void delete(Path path) throws IOException {
        FileStatus st = status(path);
        if (st.isDirectory() && hfs(path).listStatusIterator(cast(path).hadoop()).hasNext()) {
            throw new DirectoryNotEmptyException(path.toString());
        }
        if (!hfs(path).delete(cast(path).hadoop(), false)) {
            throw new NoSuchFileException(path.toString());
        }
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        boolean replace = Arrays.asList(options).contains(StandardCopyOption.REPLACE_EXISTING);
        FileStatus src = status(source);
        FileStatus dst = statusOrNull(target);
        if (dst != null) {
            if (!replace) {
                throw new FileAlreadyExistsException(target.toString());
            }
            delete(target);
        }
        if (src.isDirectory()) {
            createDirectory(target);
            return;
        }
        requireParent(cast(target));
        try (InputStream in = newInputStream(source);
             OutputStream out = hfs(target).create(cast(target).hadoop(), false)) {
            in.transferTo(out);
        }
    }

    /**
     * Hadoop's rename. With {@code REPLACE_EXISTING} an existing file target is replaced in the same atomic step
     * ({@code FileContext.rename} with {@code OVERWRITE}); an existing target otherwise fails, as on a local disk
     * (Hadoop would move the source <em>into</em> an existing folder).
     */
    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        HadoopPath from = cast(source);
        HadoopPath to = cast(target);
        List<CopyOption> opts = Arrays.asList(options);
        boolean replace = opts.contains(StandardCopyOption.REPLACE_EXISTING);
        if (opts.contains(StandardCopyOption.ATOMIC_MOVE) && !from.getFileSystem().renamesAtomically()) {
            throw new AtomicMoveNotSupportedException(from.toString(), to.toString(),
                    to.getFileSystem().baseUri().getScheme() + " renames by copying");
        }
        status(from);
        FileStatus existing = statusOrNull(to);
        if (existing != null && !replace) {
            throw new FileAlreadyExistsException(to.toString());
        }
        if (existing != null) {
            FileContext fc = FileContext.getFileContext(to.getFileSystem().baseUri(),
                    to.getFileSystem().hadoop().getConf());
            fc.rename(from.hadoop(), to.hadoop(), Options.Rename.OVERWRITE);
            return;
        }
        requireParent(to);
        if (!from.getFileSystem().hadoop().rename(from.hadoop(), to.hadoop())) {
            throw new IOException("Hadoop could not rename " + from + " to " + to);
        }
    }

    @Override
    public boolean isSameFile(Path path, Path path2) {
        return path.toAbsolutePath().normalize().equals(path2.toAbsolutePath().normalize());
    }

    @Override
    public boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    @Override
    public FileStore getFileStore(Path path) {
        throw new UnsupportedOperationException("no file store information for " + path);
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        status(path);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        if (type != BasicFileAttributeView.class) {
            return null;
        }
        return (V) new BasicFileAttributeView() {
            @Override
            public String name() {
                return "basic";
            }

            @Override
            public BasicFileAttributes readAttributes() throws IOException {
                return new HadoopAttributes(status(path));
            }

            @Override
            public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime)
                    throws IOException {
                status(path);
                hfs(path).setTimes(cast(path).hadoop(), lastModifiedTime == null ? -1 : lastModifiedTime.toMillis(),
                        lastAccessTime == null ? -1 : lastAccessTime.toMillis());
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        if (type != BasicFileAttributes.class) {
            throw new UnsupportedOperationException(type.getSimpleName() + " of " + path + " (only basic attributes)");
        }
        return (A) new HadoopAttributes(status(path));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        String names = attributes.startsWith("basic:") ? attributes.substring(6) : attributes;
        if (names.contains(":")) {
            throw new UnsupportedOperationException(attributes + " of " + path + " (only basic attributes)");
        }
        BasicFileAttributes a = new HadoopAttributes(status(path));
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("lastModifiedTime", a.lastModifiedTime());
        all.put("lastAccessTime", a.lastAccessTime());
        all.put("creationTime", a.creationTime());
        all.put("size", a.size());
        all.put("isRegularFile", a.isRegularFile());
        all.put("isDirectory", a.isDirectory());
        all.put("isSymbolicLink", a.isSymbolicLink());
        all.put("isOther", a.isOther());
        all.put("fileKey", a.fileKey());
        if (names.equals("*")) {
            return all;
        }
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (String n : names.split(",")) {
            if (!all.containsKey(n)) {
                throw new IllegalArgumentException("unknown attribute '" + n + "' of " + path);
            }
            chosen.put(n, all.get(n));
        }
        return chosen;
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        String name = attribute.startsWith("basic:") ? attribute.substring(6) : attribute;
        BasicFileAttributeView view = getFileAttributeView(path, BasicFileAttributeView.class);
        switch (name) {
            case "lastModifiedTime" -> view.setTimes((FileTime) value, null, null);
            case "lastAccessTime" -> view.setTimes(null, (FileTime) value, null);
            default -> throw new UnsupportedOperationException("setting " + attribute + " of " + path);
        }
    }
}
