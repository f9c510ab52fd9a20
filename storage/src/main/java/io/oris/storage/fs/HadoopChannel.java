package io.oris.storage.fs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * What the read and the write channel over a Hadoop stream share: the open flag, closing the stream once, and the
 * {@link ClosedChannelException} every operation on a closed channel throws.
 */
abstract class HadoopChannel implements SeekableByteChannel {
    private final Closeable stream;
    private boolean open = true;

    HadoopChannel(Closeable stream) {
        this.stream = stream;
    }

    @Override
    public final boolean isOpen() {
        return open;
    }

    @Override
    public final void close() throws IOException {
        if (open) {
            open = false;
            stream.close();
        }
    }

    final void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
