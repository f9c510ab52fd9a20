package io.oris.storage.d4rl;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.object.datatype.FloatingPoint;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import io.oris.storage.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads HDF5 datasets (through jHDF) into flat primitive arrays with the checks every HDF5 source
 * needs: the key exists, the shape is {@code [N]}, {@code [N,1]} or {@code [N,width]}, the element type is
 * numeric or boolean (h5py stores numpy bools as an enum, read as "TRUE"/"FALSE"), and every value is
 * finite. Errors name the file and the key. Shared by the D4RL and Minari readers.
 */
public final class Hdf5Columns {
    private final Path file;
    private final Group root;
    private final String prefix;

    /** Columns of a group of an open HDF5 file ({@code file} is used in messages). */
    public Hdf5Columns(Path file, Group root) {
        this(file, root, "");
    }

    /** Columns of a sub-group, named in messages with {@code prefix} (e.g. {@code "episode_3/"}). */
    public Hdf5Columns(Path file, Group root, String prefix) {
        this.file = file;
        this.root = root;
        this.prefix = prefix;
    }

    /** The dataset at a path relative to the group, or null when absent. */
    public Dataset find(String key) {
        Node node;
        try {
            node = root.getByPath(key);
        } catch (RuntimeException e) {
            return null; // jHDF throws for missing paths
        }
        return node instanceof Dataset d ? d : null;
    }

    /** The dataset at a key, or a {@link BadInputException} naming the key and the keys that are there. */
    public Dataset require(String key) {
        Dataset d = find(key);
        if (d == null) {
            throw new BadInputException(file, "key '" + prefix + key + "'", "missing (keys present: " + keys(root) + ")");
        }
        return d;
    }

    /** All dataset keys under the group, slash-separated and sorted. */
    public static List<String> keys(Group group) {
        List<String> out = new ArrayList<>();
        collect(group, "", out);
        out.sort(null);
        return out;
    }

    private static void collect(Group group, String prefix, List<String> out) {
        for (Map.Entry<String, Node> e : group.getChildren().entrySet()) {
            if (e.getValue() instanceof Group g) {
                collect(g, prefix + e.getKey() + "/", out);
            } else {
                out.add(prefix + e.getKey());
            }
        }
    }

    /** Rows (first dimension) of a dataset. */
    public int rows(String key, Dataset d) {
        int[] dims = d.getDimensions();
        if (dims.length == 0) {
            throw new BadInputException(file, "key '" + key + "'", "is a scalar, expected an array with one row per step");
        }
        return dims[0];
    }

    /** The width of a {@code [N, width]} dataset ({@code [N]} counts as width 1). */
    public int width(String key, Dataset d) {
        int[] dims = d.getDimensions();
        if (dims.length == 1) {
            return 1;
        }
        if (dims.length != 2) {
            throw new BadInputException(file, "key '" + key + "'", "has shape " + java.util.Arrays.toString(dims)
                    + ", expected [N, width]");
        }
        return dims[1];
    }

    /** Checks a dataset's shape is {@code [rows, width]} (or {@code [rows]} / {@code [rows,1]} for width 1). */
    public void checkShape(String key, Dataset d, int rows, int width, String what) {
        int[] dims = d.getDimensions();
        boolean ok = dims.length >= 1 && dims[0] == rows && (width == 1
                ? dims.length == 1 || (dims.length == 2 && dims[1] == 1)
                : dims.length == 2 && dims[1] == width);
        if (!ok) {
            String expected = width == 1 ? "[" + rows + "] or [" + rows + ", 1]" : "[" + rows + ", " + width + "]";
            throw new BadInputException(file, "key '" + key + "'", "has shape " + java.util.Arrays.toString(dims)
                    + ", expected " + expected + " (" + what + ")");
        }
    }

    /** {@code float32} or {@code float64} for a floating-point dataset; fails for other types. */
    public String floatType(String key, Dataset d) {
        Class<?> type = d.getJavaType();
        if (type == float.class || type == Float.class) {
            return "float32";
        }
        if (type == double.class || type == Double.class) {
            return "float64";
        }
        throw new BadInputException(file, "key '" + key + "'", "has element type " + type.getSimpleName()
                + ", expected float32 or float64");
    }

    /** Rows {@code [from, to)} of a float dataset as a flat float array (float64 narrowed to float32). */
    public float[] floats(String key, Dataset d, int from, int to) {
        int w = width(key, d);
        float[] out = rawFloats(key, d, from, to, w);
        if (out == null) {
            out = toFloats(key, read(key, d, from, to), to - from, w);
        }
        checkFinite(key, out, from, w);
        return out;
    }

    /**
     * Fast path for IEEE float datasets: decodes the raw bytes of the rows straight into a float array
     * (no intermediate Java arrays, hyperslabs without per-element copies). Null when not applicable.
     */
    private float[] rawFloats(String key, Dataset d, int from, int to, int w) {
        ByteBuffer raw = rawRows(key, d, from, to);
        if (raw == null) {
            return null;
        }
        float[] out = new float[(to - from) * w];
        if (d.getDataType().getSize() == 4) {
            raw.asFloatBuffer().get(out);
        } else {
            DoubleBuffer doubles = raw.asDoubleBuffer();
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) doubles.get(i);
            }
        }
        return out;
    }

    private double[] rawDoubles(String key, Dataset d, int from, int to, int w) {
        ByteBuffer raw = rawRows(key, d, from, to);
        if (raw == null) {
            return null;
        }
        double[] out = new double[(to - from) * w];
        if (d.getDataType().getSize() == 8) {
            raw.asDoubleBuffer().get(out);
        } else {
            FloatBuffer floats = raw.asFloatBuffer();
            for (int i = 0; i < out.length; i++) {
                out[i] = floats.get(i);
            }
        }
        return out;
    }

    /** The raw little/big-endian bytes of rows [from, to) of a 4- or 8-byte float dataset, ordered; else null. */
    private ByteBuffer rawRows(String key, Dataset d, int from, int to) {
        if (!(d instanceof DatasetBase base) || !(d.getDataType() instanceof FloatingPoint fp)
                || (fp.getSize() != 4 && fp.getSize() != 8)) {
            return null;
        }
        int[] dims = d.getDimensions();
        try {
            ByteBuffer buf;
            long rowBytes = (long) (dims.length > 1 ? dims[1] : 1) * fp.getSize();
            if (from == 0 && to == dims[0]) {
                buf = base.getDataBuffer();
            } else if (d instanceof ContiguousDataset) {
                // jHDF's hyperslab copies element by element; a contiguous dataset is one mapped buffer to slice
                ByteBuffer whole = base.getDataBuffer();
                buf = whole.duplicate().position((int) (from * rowBytes)).limit((int) (to * rowBytes));
            } else if (d instanceof ChunkedDataset chunked && dims.length <= 2) {
                // jHDF 0.9.4's getSliceDataBuffer misplaces rows that span several chunks: assemble them here
                buf = chunkRows(chunked, dims, from, to, fp.getSize());
            } else {
                return null;
            }
            long expected = (to - from) * rowBytes;
            if (buf.remaining() != expected) {
                throw new BadInputException(file, "key '" + key + "'", "holds " + buf.remaining() + " bytes for rows ["
                        + from + ", " + to + "), expected " + expected + " (truncated file?)");
            }
            return buf.slice().order(fp.getByteOrder());
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadInputException(file, "key '" + key + "'", "cannot be read (truncated or corrupt file?): "
                    + e.getMessage(), e);
        }
    }

    /**
     * Rows {@code [from, to)} of a chunked 1-D or 2-D dataset, decompressing only the chunks they touch.
     * Chunks are stored row-major at their full size, also at the edges of the dataset.
     */
    private static ByteBuffer chunkRows(ChunkedDataset chunked, int[] dims, int from, int to, int elementSize) {
        int[] chunk = chunked.getChunkDimensions();
        int width = dims.length > 1 ? dims[1] : 1;
        int chunkRows = chunk[0];
        int chunkCols = dims.length > 1 ? chunk[1] : 1;
        byte[] out = new byte[(to - from) * width * elementSize];
        for (int r0 = (from / chunkRows) * chunkRows; r0 < to; r0 += chunkRows) {
            for (int c0 = 0; c0 < width; c0 += chunkCols) {
                byte[] bytes = chunked.getDecompressedChunk(dims.length > 1 ? new int[] {r0, c0} : new int[] {r0});
                int cols = Math.min(chunkCols, width - c0);
                for (int r = Math.max(from, r0); r < Math.min(to, r0 + chunkRows); r++) {
                    System.arraycopy(bytes, (r - r0) * chunkCols * elementSize, out,
                            ((r - from) * width + c0) * elementSize, cols * elementSize);
                }
            }
        }
        return ByteBuffer.wrap(out);
    }

    /** Rows {@code [from, to)} of a float dataset as a flat double array. */
    public double[] doubles(String key, Dataset d, int from, int to) {
        int w = width(key, d);
        double[] out = rawDoubles(key, d, from, to, w);
        if (out != null) {
            checkFiniteDoubles(key, out, from, w);
            return out;
        }
        Object data = read(key, d, from, to);
        out = new double[(to - from) * w];
        if (data instanceof double[] a) {
            System.arraycopy(a, 0, out, 0, out.length);
        } else if (data instanceof float[] a) {
            for (int i = 0; i < out.length; i++) {
                out[i] = a[i];
            }
        } else if (data instanceof double[][] a) {
            for (int r = 0; r < a.length; r++) {
                System.arraycopy(a[r], 0, out, r * w, w);
            }
        } else if (data instanceof float[][] a) {
            for (int r = 0; r < a.length; r++) {
                for (int k = 0; k < w; k++) {
                    out[r * w + k] = a[r][k];
                }
            }
        } else {
            throw new BadInputException(file, "key '" + key + "'", "has element type " + d.getJavaType().getSimpleName()
                    + ", expected float32 or float64");
        }
        checkFiniteDoubles(key, out, from, w);
        return out;
    }

    private void checkFiniteDoubles(String key, double[] out, int from, int w) {
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                throw new BadInputException(file, "key '" + key + "'", "row " + (from + i / w) + " holds " + out[i]
                        + ", expected a finite number");
            }
        }
    }

    /** Rows {@code [from, to)} of a boolean-like dataset (bool enum, bitfield, integers 0/1, floats 0/1). */
    public boolean[] booleans(String key, Dataset d, int from, int to) {
        int rows = d.getDimensions()[0];
        if (from != 0 || to != rows) {
            // flags are 1 byte a row: reading all of them beats jHDF's element-wise hyperslab
            return java.util.Arrays.copyOfRange(booleans(key, d, 0, rows), from, to);
        }
        Object data = read(key, d, from, to);
        int n = to - from;
        boolean[] out = new boolean[n];
        Object flat = data;
        if (flat instanceof Object[] nested && nested.length > 0 && nested[0] != null && nested[0].getClass().isArray()
                && !(nested[0] instanceof String)) {
            flat = flatten1(key, nested);
        }
        if (flat instanceof boolean[] a) {
            System.arraycopy(a, 0, out, 0, n);
        } else if (flat instanceof byte[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = bool01(key, from + i, a[i]);
            }
        } else if (flat instanceof short[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = bool01(key, from + i, a[i]);
            }
        } else if (flat instanceof int[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = bool01(key, from + i, a[i]);
            }
        } else if (flat instanceof long[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = bool01(key, from + i, a[i]);
            }
        } else if (flat instanceof float[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = bool01(key, from + i, a[i]);
            }
        } else if (flat instanceof double[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = bool01(key, from + i, a[i]);
            }
        } else if (flat instanceof String[] a) {
            for (int i = 0; i < n; i++) {
                String s = a[i];
                if ("TRUE".equalsIgnoreCase(s) || "1".equals(s)) {
                    out[i] = true;
                } else if (!("FALSE".equalsIgnoreCase(s) || "0".equals(s))) {
                    throw new BadInputException(file, "key '" + key + "'", "row " + (from + i) + " holds '" + s
                            + "', expected a boolean");
                }
            }
        } else {
            throw new BadInputException(file, "key '" + key + "'", "has element type " + d.getJavaType().getSimpleName()
                    + ", expected booleans");
        }
        return out;
    }

    private Object flatten1(String key, Object[] nested) {
        // [N,1] boolean-like data arrives as T[N][1]; take column 0
        int n = nested.length;
        Object first = nested[0];
        if (first instanceof boolean[]) {
            boolean[] out = new boolean[n];
            for (int i = 0; i < n; i++) {
                out[i] = ((boolean[]) nested[i])[0];
            }
            return out;
        }
        if (first instanceof byte[]) {
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = ((byte[]) nested[i])[0];
            }
            return out;
        }
        if (first instanceof float[]) {
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = ((float[]) nested[i])[0];
            }
            return out;
        }
        if (first instanceof double[]) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = ((double[]) nested[i])[0];
            }
            return out;
        }
        if (first instanceof int[]) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = ((int[]) nested[i])[0];
            }
            return out;
        }
        if (first instanceof String[]) {
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = ((String[]) nested[i])[0];
            }
            return out;
        }
        throw new BadInputException(file, "key '" + key + "'", "has an unsupported [N,1] element type");
    }

    private boolean bool01(String key, int row, double v) {
        if (v == 0) {
            return false;
        }
        if (v == 1) {
            return true;
        }
        throw new BadInputException(file, "key '" + key + "'", "row " + row + " holds " + v + ", expected 0 or 1");
    }

    /** Reads rows [from, to): the whole dataset flat when the range covers it, else a hyperslab. */
    private Object read(String key, Dataset d, int from, int to) {
        int[] dims = d.getDimensions();
        try {
            if (from == 0 && to == dims[0]) {
                return d.getDataFlat();
            }
            long[] offset = new long[dims.length];
            offset[0] = from;
            int[] shape = dims.clone();
            shape[0] = to - from;
            return d.getData(offset, shape);
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadInputException(file, "key '" + key + "'", "cannot be read (truncated or corrupt file?): "
                    + e.getMessage(), e);
        }
    }

    private float[] toFloats(String key, Object data, int rows, int w) {
        if (data instanceof float[] a && a.length == rows * w) {
            return a;
        }
        float[] out = new float[rows * w];
        if (data instanceof double[] a) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) a[i];
            }
        } else if (data instanceof float[] a) {
            System.arraycopy(a, 0, out, 0, out.length);
        } else if (data instanceof float[][] a) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(a[r], 0, out, r * w, w);
            }
        } else if (data instanceof double[][] a) {
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < w; k++) {
                    out[r * w + k] = (float) a[r][k];
                }
            }
        } else {
            throw new BadInputException(file, "key '" + key + "'", "has element type "
                    + data.getClass().getComponentType().getSimpleName() + ", expected float32 or float64");
        }
        return out;
    }

    private void checkFinite(String key, float[] values, int firstRow, int width) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new BadInputException(file, "key '" + key + "'", "row " + (firstRow + i / width) + " holds "
                        + values[i] + ", expected a finite number");
            }
        }
    }

    private static Object first(Object array) {
        if (array instanceof Object[] a) {
            return a[0];
        } else if (array instanceof int[] a) {
            return a[0];
        } else if (array instanceof long[] a) {
            return a[0];
        } else if (array instanceof float[] a) {
            return a[0];
        } else if (array instanceof double[] a) {
            return a[0];
        } else if (array instanceof byte[] a) {
            return a[0];
        } else if (array instanceof short[] a) {
            return a[0];
        } else if (array instanceof boolean[] a) {
            return a[0];
        }
        return String.valueOf(array);
    }

    /** Small scalar and string datasets under a group (e.g. D4RL {@code metadata/}), big arrays summarized. */
    public Map<String, Object> smallValues(String groupKey) {
        Map<String, Object> out = new TreeMap<>();
        Node node;
        try {
            node = root.getByPath(groupKey);
        } catch (RuntimeException e) {
            return out;
        }
        if (!(node instanceof Group g)) {
            return out;
        }
        for (String key : keys(g)) {
            Node child = g.getByPath(key);
            if (!(child instanceof Dataset d)) {
                continue;
            }
            try {
                if (d.isScalar() || d.getSize() == 1) {
                    Object v = d.isScalar() ? d.getData() : first(d.getDataFlat());
                    out.put(key, v instanceof Number || v instanceof String || v instanceof Boolean ? v : String.valueOf(v));
                } else {
                    out.put(key, "array " + java.util.Arrays.toString(d.getDimensions()) + " "
                            + d.getJavaType().getSimpleName());
                }
            } catch (RuntimeException e) {
                out.put(key, "unreadable: " + e.getMessage());
            }
        }
        return out;
    }
}
