package io.oris.storage.fs;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link Path} on a Hadoop file system ({@code hdfs://host:port/a/b}): a '/'-separated path string on one
 * {@link HadoopNioFileSystem}. An absolute path prints as its full URI, so {@code toString()} handed to a Spark task and
 * given back to {@link DataRootUri#resolve} names the same file on the executor.
 */
final class HadoopPath implements Path {
    private final HadoopNioFileSystem fs;
    private final String path;

    HadoopPath(HadoopNioFileSystem fs, String path) {
        this.fs = fs;
        this.path = clean(path);
    }

    private static String clean(String p) {
        StringBuilder b = new StringBuilder(p.length());
        char prev = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\u0000') {
                throw new java.nio.file.InvalidPathException(p, "NUL character");
            }
            if (c == '/' && prev == '/') {
                continue;
            }
            b.append(c);
            prev = c;
        }
        if (b.length() > 1 && b.charAt(b.length() - 1) == '/') {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    /** The Hadoop path of this (absolute) path, for the Hadoop {@code FileSystem} calls. */
    org.apache.hadoop.fs.Path hadoop() {
        return new org.apache.hadoop.fs.Path(toAbsolutePath().toUri());
    }

    String pathString() {
        return path;
    }

    private List<String> names() {
        if (path.isEmpty() || path.equals("/")) {
            return path.isEmpty() ? List.of("") : List.of();
        }
        String body = path.startsWith("/") ? path.substring(1) : path;
        return Arrays.asList(body.split("/"));
    }

    private HadoopPath of(String p) {
        return new HadoopPath(fs, p);
    }

    private static HadoopPath cast(Path other) {
        if (!(other instanceof HadoopPath h)) {
            throw new ProviderMismatchException("not a Hadoop path: " + other);
        }
        return h;
    }

    @Override
    public HadoopNioFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return path.startsWith("/");
    }

    @Override
    public Path getRoot() {
        return isAbsolute() ? of("/") : null;
    }

    @Override
    public Path getFileName() {
        if (path.equals("/")) {
            return null;
        }
        if (path.isEmpty()) {
            return this;
        }
        return of(path.substring(path.lastIndexOf('/') + 1));
    }

    @Override
    public Path getParent() {
        int slash = path.lastIndexOf('/');
        if (slash < 0 || path.equals("/")) {
            return null;
        }
        return of(slash == 0 ? "/" : path.substring(0, slash));
    }

    @Override
    public int getNameCount() {
        return names().size();
    }

    @Override
    public Path getName(int index) {
        return of(names().get(index));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return of(String.join("/", names().subList(beginIndex, endIndex)));
    }

    @Override
    public boolean startsWith(Path other) {
        if (!(other instanceof HadoopPath o) || !fs.sameStore(o.fs) || isAbsolute() != o.isAbsolute()) {
            return false;
        }
        List<String> mine = names();
        List<String> theirs = o.names();
        return theirs.size() <= mine.size() && mine.subList(0, theirs.size()).equals(theirs);
    }

    @Override
    public boolean endsWith(Path other) {
        if (!(other instanceof HadoopPath o) || !fs.sameStore(o.fs) || (o.isAbsolute() && !equals(o))) {
            return false;
        }
        List<String> mine = names();
        List<String> theirs = o.names();
        return theirs.size() <= mine.size() && mine.subList(mine.size() - theirs.size(), mine.size()).equals(theirs);
    }

    @Override
    public Path normalize() {
        List<String> out = new ArrayList<>();
        for (String n : names()) {
            if (n.equals(".") || n.isEmpty()) {
                continue;
            }
            if (n.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else if (!(n.equals("..") && isAbsolute())) {
                out.add(n);
            }
        }
        return of((isAbsolute() ? "/" : "") + String.join("/", out));
    }

    @Override
    public Path resolve(Path other) {
        HadoopPath o = cast(other);
        if (o.isAbsolute()) {
            return o;
        }
        if (o.path.isEmpty()) {
            return this;
        }
        if (path.isEmpty()) {
            return o;
        }
        return of(path.equals("/") ? "/" + o.path : path + "/" + o.path);
    }

    @Override
    public Path relativize(Path other) {
        HadoopPath o = cast(other);
        if (isAbsolute() != o.isAbsolute()) {
            throw new IllegalArgumentException("cannot relativize " + o + " against " + this);
        }
        List<String> mine = path.isEmpty() ? List.of() : names();
        List<String> theirs = o.path.isEmpty() ? List.of() : o.names();
        int common = 0;
        while (common < mine.size() && common < theirs.size() && mine.get(common).equals(theirs.get(common))) {
            common++;
        }
        List<String> out = new ArrayList<>();
        for (int i = common; i < mine.size(); i++) {
            out.add("..");
        }
        out.addAll(theirs.subList(common, theirs.size()));
        return of(String.join("/", out));
    }

    @Override
    public URI toUri() {
        try {
            URI base = fs.baseUri();
            return new URI(base.getScheme(), base.getAuthority(), ((HadoopPath) toAbsolutePath()).path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot make a URI of " + path + " on " + fs.baseUri(), e);
        }
    }

    @Override
    public Path toAbsolutePath() {
        return isAbsolute() ? this : of("/").resolve(this);
    }

    @Override
    public Path toRealPath(LinkOption... options) throws java.io.IOException {
        Path real = toAbsolutePath().normalize();
        fs.provider().checkAccess(real);
        return real;
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("watching " + this + " is not supported");
    }

    @Override
    public int compareTo(Path other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HadoopPath h && fs.sameStore(h.fs) && path.equals(h.path);
    }

    @Override
    public int hashCode() {
        return fs.baseUri().hashCode() * 31 + path.hashCode();
    }

    @Override
    public String toString() {
        return isAbsolute() ? toUri().toString() : path;
    }
}
