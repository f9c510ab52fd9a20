package io.oris.storage.parquet;

import io.oris.storage.fs.ParquetFiles;
import io.oris.storage.TransitionArrays;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.DummyRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Loads transition part files (written by {@link TransitionParquetWriter} or by Spark with the same
 * columns, required or nullable) into one {@link TransitionArrays}. Each column is decoded straight into
 * preallocated primitive arrays (no record assembly), and part files are read in parallel into their own
 * row ranges. A null value or a vector of the wrong width fails naming the file, column and row.
 */
public final class TransitionParquetReader {
    private TransitionParquetReader() {
    }

    /** Rows in a part file, from its footer. */
    public static long rowCount(Path file) {
        try (ParquetFileReader reader = ParquetFileReader.open(ParquetFiles.input(file))) {
            return reader.getRecordCount();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Parquet footer of " + file + ": " + e.getMessage(), e);
        }
    }

    /** The Parquet schema of a part file, from its footer. */
    public static MessageType schema(Path file) {
        try (ParquetFileReader reader = ParquetFileReader.open(ParquetFiles.input(file))) {
            return reader.getFileMetaData().getSchema();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Parquet footer of " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the given part files, in order, into one set of arrays.
     *
     * @param nq qpos width; 0 to skip the column (or when the files have none)
     * @param nv qvel width; 0 to skip the column
     */
    public static TransitionArrays read(List<Path> files, int obsDim, int actionDim, int nq, int nv) {
        long[] offsets = new long[files.size() + 1];
        for (int i = 0; i < files.size(); i++) {
            offsets[i + 1] = offsets[i] + rowCount(files.get(i));
        }
        long total = offsets[files.size()];
        if (total * Math.max(obsDim, Math.max(nq, nv)) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("dataset too large to load into Java arrays: " + total + " rows");
        }
        int rows = (int) total;
        Target target = new Target(rows, obsDim, actionDim, nq, nv);
        int threads = Math.min(files.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            for (int i = 0; i < files.size(); i++) {
                readFile(files.get(i), (int) offsets[i], (int) (offsets[i + 1] - offsets[i]), target);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread th = new Thread(r, "oris-parquet-reader");
                th.setDaemon(true);
                return th;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < files.size(); i++) {
                    int index = i;
                    futures.add(pool.submit(() -> readFile(files.get(index), (int) offsets[index],
                            (int) (offsets[index + 1] - offsets[index]), target)));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return new TransitionArrays(obsDim, actionDim, nq, nv, target.episode, target.t, target.obs, target.action,
                target.reward, target.nextObs, target.terminal, target.timeout, target.qpos, target.qvel);
    }

    /** Reads one part file into the target rows {@code [first, first + rows)}. */
    private static void readFile(Path file, int first, int rows, Target target) {
        try (ParquetFileReader reader = ParquetFileReader.open(ParquetFiles.input(file))) {
            FileMetaData meta = reader.getFooter().getFileMetaData();
            MessageType schema = meta.getSchema();
            ColumnDescriptor[] columns = new ColumnDescriptor[Column.values().length];
            for (ColumnDescriptor c : schema.getColumns()) {
                Column col = Column.byName(c.getPath()[0]);
                if (col != null) {
                    columns[col.ordinal()] = c;
                }
            }
            for (Column col : Column.values()) {
                if (columns[col.ordinal()] == null && col.wanted(target)) {
                    throw new io.oris.storage.BadInputException(file, "column '" + col.name + "'",
                            "missing; expected the transition schema (docs/architecture.md §6.1), found columns "
                            + schema.getFields().stream().map(f -> f.getName()).toList());
                }
            }
            int base = first;
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                int n = (int) pages.getRowCount();
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages,
                        new DummyRecordConverter(schema).getRootConverter(), schema, meta.getCreatedBy());
                for (Column col : Column.values()) {
                    if (col.wanted(target)) {
                        new ColumnDecoder(file, col, store.getColumnReader(columns[col.ordinal()]), target, base, n)
                                .decode();
                    }
                }
                base += n;
            }
            if (base != first + rows) {
                throw new IllegalStateException(file + ": read " + (base - first) + " rows, footer says " + rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Parquet part " + file + ": " + e.getMessage(), e);
        }
    }

    /** The contract's columns and their widths. */
    private enum Column {
        EPISODE(TransitionSchema.EPISODE), T(TransitionSchema.T), OBS(TransitionSchema.OBS),
        ACTION(TransitionSchema.ACTION), REWARD(TransitionSchema.REWARD), NEXT_OBS(TransitionSchema.NEXT_OBS),
        TERMINAL(TransitionSchema.TERMINAL), TIMEOUT(TransitionSchema.TIMEOUT), QPOS(TransitionSchema.QPOS),
        QVEL(TransitionSchema.QVEL);

        final String name;

        Column(String name) {
            this.name = name;
        }

        static Column byName(String name) {
            for (Column c : values()) {
                if (c.name.equals(name)) {
                    return c;
                }
            }
            return null;
        }

        boolean wanted(Target t) {
            return !(this == QPOS && t.nq == 0) && !(this == QVEL && t.nv == 0);
        }

        /** Values per row: 0 for a scalar column. */
        int width(Target t) {
            return switch (this) {
                case OBS, NEXT_OBS -> t.obsDim;
                case ACTION -> t.actionDim;
                case QPOS -> t.nq;
                case QVEL -> t.nv;
                default -> 0;
            };
        }
    }

    /** Decodes one column of one row group into the target arrays. */
    private static final class ColumnDecoder {
        private final Path file;
        private final Column column;
        private final ColumnReader reader;
        private final Target target;
        private final int base;
        private final int rows;
        private final int maxDef;
        private final PrimitiveTypeName type;

        ColumnDecoder(Path file, Column column, ColumnReader reader, Target target, int base, int rows) {
            this.file = file;
            this.column = column;
            this.reader = reader;
            this.target = target;
            this.base = base;
            this.rows = rows;
            this.maxDef = reader.getDescriptor().getMaxDefinitionLevel();
            this.type = reader.getDescriptor().getPrimitiveType().getPrimitiveTypeName();
        }

        void decode() {
            int width = column.width(target);
            if (width == 0) {
                for (int i = 0; i < rows; i++) {
                    if (reader.getCurrentDefinitionLevel() != maxDef) {
                        throw nullAt(base + i);
                    }
                    scalar(base + i);
                    reader.consume();
                }
                return;
            }
            long values = reader.getTotalValueCount();
            int row = base - 1;
            int k = width;
            for (long v = 0; v < values; v++) {
                if (reader.getCurrentRepetitionLevel() == 0) {
                    if (k != width) {
                        throw widthAt(row, k, width);
                    }
                    row++;
                    k = 0;
                }
                if (reader.getCurrentDefinitionLevel() != maxDef) {
                    throw nullAt(row);
                }
                if (k >= width) {
                    throw widthAt(row, k + 1, width);
                }
                element(row, k++, width);
                reader.consume();
            }
            if (k != width || row != base + rows - 1) {
                throw widthAt(row, k, width);
            }
        }

        private void scalar(int row) {
            switch (column) {
                case EPISODE -> target.episode[row] = type == PrimitiveTypeName.INT32 ? reader.getInteger()
                        : reader.getLong();
                case T -> target.t[row] = type == PrimitiveTypeName.INT64 ? (int) reader.getLong()
                        : reader.getInteger();
                case REWARD -> target.reward[row] = type == PrimitiveTypeName.DOUBLE ? (float) reader.getDouble()
                        : reader.getFloat();
                case TERMINAL -> target.terminal[row] = reader.getBoolean();
                case TIMEOUT -> target.timeout[row] = reader.getBoolean();
                default -> throw new IllegalStateException("not a scalar column: " + column.name);
            }
        }

        private void element(int row, int k, int width) {
            int at = row * width + k;
            double value = type == PrimitiveTypeName.DOUBLE ? reader.getDouble() : reader.getFloat();
            switch (column) {
                case OBS -> target.obs[at] = (float) value;
                case NEXT_OBS -> target.nextObs[at] = (float) value;
                case ACTION -> target.action[at] = (float) value;
                case QPOS -> target.qpos[at] = value;
                case QVEL -> target.qvel[at] = value;
                default -> throw new IllegalStateException("not a list column: " + column.name);
            }
        }

        private io.oris.storage.BadInputException nullAt(int row) {
            return new io.oris.storage.BadInputException(file, "row " + (row - base) + " of a row group, column '"
                    + column.name + "'", "null or empty; expected a value (every value of a transition dataset is set)");
        }

        private io.oris.storage.BadInputException widthAt(int row, int count, int width) {
            return new io.oris.storage.BadInputException(file, "column '" + column.name + "'", "has " + count
                    + " values in a row, expected " + width);
        }
    }

    /** Destination arrays shared by all parts. */
    private static final class Target {
        final int obsDim;
        final int actionDim;
        final int nq;
        final int nv;
        final long[] episode;
        final int[] t;
        final float[] obs;
        final float[] action;
        final float[] reward;
        final float[] nextObs;
        final boolean[] terminal;
        final boolean[] timeout;
        final double[] qpos;
        final double[] qvel;

        Target(int rows, int obsDim, int actionDim, int nq, int nv) {
            this.obsDim = obsDim;
            this.actionDim = actionDim;
            this.nq = nq;
            this.nv = nv;
            episode = new long[rows];
            t = new int[rows];
            obs = new float[rows * obsDim];
            action = new float[rows * actionDim];
            reward = new float[rows];
            nextObs = new float[rows * obsDim];
            terminal = new boolean[rows];
            timeout = new boolean[rows];
            qpos = nq > 0 ? new double[rows * nq] : null;
            qvel = nv > 0 ? new double[rows * nv] : null;
        }
    }
}
