package io.oris.storage.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.apache.hadoop.fs.FSDataOutputStream;

/**
 * A write-only channel over a Hadoop output stream. Hadoop files are written once, front to back, so the position
 * only moves by writing; seeking elsewhere or truncating fails.
 */
final class HadoopWriteChannel extends HadoopChannel {
    private final FSDataOutputStream out;

    HadoopWriteChannel(FSDataOutputStream out) {
        super(out);
        this.out = out;
    }

    @Override
    public int read(ByteBuffer dst) {
        throw new NonReadableChannelException();
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        ensureOpen();
        int n = src.remaining();
        if (src.hasArray()) {
            out.write(src.array(), src.arrayOffset() + src.position(), n);
            src.position(src.position() + n);
        } else {
            byte[] buf = new byte[n];
            src.get(buf);
            out.write(buf);
        }
        return n;
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return out.getPos();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        if (newPosition != position()) {
            throw new UnsupportedOperationException("Hadoop files are written sequentially: cannot seek to "
                    + newPosition + " at " + position());
        }
        return this;
    }

    @Override
    public long size() throws IOException {
        return position();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new UnsupportedOperationException("Hadoop files cannot be truncated while written");
    }
}
