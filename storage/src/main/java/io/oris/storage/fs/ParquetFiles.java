package io.oris.storage.fs;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * The one place Parquet readers and writers get their files from a {@link Path}, local or on a Hadoop file system
 * ({@link DataRootUri}). Parquet's {@code LocalInputFile} needs {@code Path.toFile()}, which only local paths have, so
 * other paths are read through a seekable channel; writing goes through {@code Files.newOutputStream} everywhere.
 */
public final class ParquetFiles {
    private ParquetFiles() {
    }

    /** A Parquet input file for {@code path}. */
    public static InputFile input(Path path) {
        if (path.getFileSystem() == FileSystems.getDefault()) {
            return new LocalInputFile(path);
        }
        return new ChannelInputFile(path);
    }

    /** A Parquet output file for {@code path}. */
    public static OutputFile output(Path path) {
        return new LocalOutputFile(path);
    }

    /** An input file read through {@code Files.newByteChannel}. */
    private record ChannelInputFile(Path path) implements InputFile {
        @Override
        public long getLength() throws IOException {
            return Files.size(path);
        }

        @Override
        public SeekableInputStream newStream() throws IOException {
            return new ChannelStream(Files.newByteChannel(path));
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** A Parquet seekable stream over a seekable byte channel. */
    private static final class ChannelStream extends SeekableInputStream {
        private final SeekableByteChannel channel;

        ChannelStream(SeekableByteChannel channel) {
            this.channel = channel;
        }

        @Override
        public long getPos() throws IOException {
            return channel.position();
        }

        @Override
        public void seek(long newPos) throws IOException {
            channel.position(newPos);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
        }

        @Override
        public void readFully(byte[] bytes) throws IOException {
            readFully(bytes, 0, bytes.length);
        }

        @Override
        public void readFully(byte[] bytes, int start, int len) throws IOException {
            readFully(ByteBuffer.wrap(bytes, start, len));
        }

        @Override
        public int read(ByteBuffer buf) throws IOException {
            return channel.read(buf);
        }

        @Override
        public void readFully(ByteBuffer buf) throws IOException {
            while (buf.hasRemaining()) {
                if (channel.read(buf) < 0) {
                    throw new EOFException("reached the end of the file with " + buf.remaining() + " bytes left to read");
                }
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
