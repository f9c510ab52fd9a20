package io.oris.storage.parquet;

import io.oris.storage.fs.ParquetFiles;
import io.oris.storage.TransitionArrays;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows of a {@link TransitionArrays} as one Parquet part file with the contract schema, using
 * parquet-hadoop only (no Spark). Values go from the primitive arrays straight into Parquet's column
 * writers (no record assembly, no row objects), which is what keeps ingest near the HDF5 read time.
 * Vector columns skip dictionary encoding (floats rarely repeat); {@code episode} and {@code t} keep it.
 * Snappy by default, as Spark writes.
 */
public final class TransitionParquetWriter {
    /** Buffered bytes at which a row group is closed. */
    static final long ROW_GROUP_BYTES = 64L * 1024 * 1024;

    private final CompressionCodecName codec;
    private final long rowGroupBytes;

    /** A writer with Snappy compression (Spark's default). */
    public TransitionParquetWriter() {
        this(CompressionCodecName.SNAPPY);
    }

    /** A writer with the given codec ({@code UNCOMPRESSED}, {@code SNAPPY}, {@code ZSTD}, ...). */
    public TransitionParquetWriter(CompressionCodecName codec) {
        this(codec, ROW_GROUP_BYTES);
    }

    /** A writer closing row groups at {@code rowGroupBytes} buffered bytes (small values: tests of many groups). */
    TransitionParquetWriter(CompressionCodecName codec, long rowGroupBytes) {
        this.codec = codec;
        this.rowGroupBytes = rowGroupBytes;
    }

    /**
     * Writes rows {@code [from, to)} of {@code data} to {@code file} (which must not exist) and returns the
     * part's summary (rows, bytes, per-episode reward sums).
     */
    public PartSummary write(Path file, TransitionArrays data, int from, int to) {
        if (from < 0 || to > data.rows() || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of " + data.rows());
        }
        MessageType schema = TransitionSchema.messageType(data.hasState());
        ParquetProperties.Builder pb = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .withDictionaryEncoding(false)
                .withDictionaryEncoding(TransitionSchema.EPISODE, true)
                .withDictionaryEncoding(TransitionSchema.T, true)
                .withSizeStatisticsEnabled(false);
        for (String list : List.of(TransitionSchema.OBS, TransitionSchema.ACTION, TransitionSchema.NEXT_OBS,
                TransitionSchema.QPOS, TransitionSchema.QVEL)) {
            // min/max of vector elements help no query; computing them costs per value
            pb.withStatisticsEnabled(list + "." + TransitionSchema.LIST + "." + TransitionSchema.ELEMENT, false);
        }
        ParquetProperties props = pb.build();
        CodecFactory codecs = new CodecFactory(new Configuration(false), props.getPageSizeThreshold());
        try {
            ParquetFileWriter out = new ParquetFileWriter(ParquetFiles.output(file), schema,
                    ParquetFileWriter.Mode.CREATE, rowGroupBytes, 0, null, props);
            out.start();
            int row = from;
            do {
                row = writeRowGroup(out, schema, props, codecs, data, row, to);
            } while (row < to);
            out.end(Map.of("oris.schema", "transitions/1"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Parquet part " + file + ": " + e.getMessage(), e);
        } finally {
            codecs.release();
        }
        return summarize(file, data, from, to);
    }

    /** Writes rows from {@code row} until the row group is full or {@code to}; returns the next row. */
    private int writeRowGroup(ParquetFileWriter out, MessageType schema, ParquetProperties props, CodecFactory codecs,
            TransitionArrays data, int row, int to) throws IOException {
        ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(codecs.getCompressor(codec), schema,
                props.getAllocator(), props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled());
        ColumnWriteStore store = props.newColumnWriteStore(schema, pages);
        List<ColumnDescriptor> columns = schema.getColumns();
        ColumnWriter episode = store.getColumnWriter(columns.get(0));
        ColumnWriter t = store.getColumnWriter(columns.get(1));
        ColumnWriter obs = store.getColumnWriter(columns.get(2));
        ColumnWriter action = store.getColumnWriter(columns.get(3));
        ColumnWriter reward = store.getColumnWriter(columns.get(4));
        ColumnWriter nextObs = store.getColumnWriter(columns.get(5));
        ColumnWriter terminal = store.getColumnWriter(columns.get(6));
        ColumnWriter timeout = store.getColumnWriter(columns.get(7));
        ColumnWriter qpos = data.hasState() ? store.getColumnWriter(columns.get(8)) : null;
        ColumnWriter qvel = data.hasState() ? store.getColumnWriter(columns.get(9)) : null;
        int od = data.obsDim();
        int ad = data.actionDim();
        int nq = data.nq();
        int nv = data.nv();
        int start = row;
        while (row < to) {
            episode.write(data.episode()[row], 0, 0);
            t.write(data.t()[row], 0, 0);
            floats(obs, data.obs(), row * od, od);
            floats(action, data.action(), row * ad, ad);
            reward.write(data.reward()[row], 0, 0);
            floats(nextObs, data.nextObs(), row * od, od);
            terminal.write(data.terminal()[row], 0, 0);
            timeout.write(data.timeout()[row], 0, 0);
            if (qpos != null) {
                doubles(qpos, data.qpos(), row * nq, nq);
                doubles(qvel, data.qvel(), row * nv, nv);
            }
            store.endRecord();
            row++;
            if (((row - start) & 1023) == 0 && store.getBufferedSize() > rowGroupBytes) {
                break;
            }
        }
        store.flush();
        out.startBlock(row - start);
        pages.flushToFileWriter(out);
        out.endBlock();
        store.close();
        pages.close();
        return row;
    }

    /** A list of floats: repetition level 0 opens the row's list, 1 continues it; definition level 1 = present. */
    private static void floats(ColumnWriter w, float[] values, int offset, int length) {
        w.write(values[offset], 0, 1);
        for (int k = 1; k < length; k++) {
            w.write(values[offset + k], 1, 1);
        }
    }

    private static void doubles(ColumnWriter w, double[] values, int offset, int length) {
        w.write(values[offset], 0, 1);
        for (int k = 1; k < length; k++) {
            w.write(values[offset + k], 1, 1);
        }
    }

    private static PartSummary summarize(Path file, TransitionArrays data, int from, int to) {
        TreeMap<Long, Double> returns = new TreeMap<>();
        TreeMap<Long, Integer> lengths = new TreeMap<>();
        TreeMap<Long, Boolean> ends = new TreeMap<>();
        long[] episode = data.episode();
        float[] reward = data.reward();
        int row = from;
        while (row < to) {
            long id = episode[row];
            double sum = 0;
            int start = row;
            while (row < to && episode[row] == id) {
                sum += reward[row];
                row++;
            }
            returns.merge(id, sum, Double::sum);
            lengths.merge(id, row - start, Integer::sum);
            boolean end = data.terminal()[row - 1] || data.timeout()[row - 1];
            ends.merge(id, end, Boolean::logicalOr);
        }
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PartSummary(file.getFileName().toString(), to - from, bytes, returns, lengths, ends);
    }
}
