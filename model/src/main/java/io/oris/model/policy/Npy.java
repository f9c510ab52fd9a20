package io.oris.model.policy;

import io.oris.storage.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format, version 1.0, for the little-endian float32 ({@code <f4}) and float64 ({@code <f8})
 * C-order arrays of policy snapshots, so that {@code numpy.load} reads them with nothing else installed. The file is
 * the magic {@code \x93NUMPY}, version bytes 1 0, a little-endian uint16 header length, an ASCII Python dict
 * ({@code descr}, {@code fortran_order}, {@code shape}) padded with spaces and a newline so that the data starts at a
 * multiple of 64 bytes, then the values. {@link #read} accepts what {@link #write} writes (and version 2.0 headers).
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** An array read back: its shape and its values as doubles (exact for float32 and float64). */
    public record Array(int[] shape, String dtype, double[] values) {
        public int size() {
            return values.length;
        }

        /** The values as float32 (exact when {@link #dtype()} is {@code <f4}). */
        public float[] floats() {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            return f;
        }
    }

    /** The bytes of a float32 array of {@code shape} (product of the dims = {@code values.length}). */
    public static byte[] encode(float[] values, int... shape) {
        ByteBuffer b = start("<f4", shape, values.length, 4);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    /** The bytes of a float64 array of {@code shape}. */
    public static byte[] encode(double[] values, int... shape) {
        ByteBuffer b = start("<f8", shape, values.length, 8);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    /** Writes a float32 array (the caller stages the folder it writes into). */
    public static void write(Path file, float[] values, int... shape) throws IOException {
        Files.write(file, encode(values, shape));
    }

    /** Writes a float64 array. */
    public static void write(Path file, double[] values, int... shape) throws IOException {
        Files.write(file, encode(values, shape));
    }

    private static ByteBuffer start(String descr, int[] shape, int count, int width) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n != count) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, got " + count);
        }
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + (shape.length == 0 ? "" : dims.substring(0, dims.length() - 2)) + ")";
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': "
                + shapeText + ", }");
        int preamble = MAGIC.length + 2 + 2;
        while ((preamble + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(preamble + h.length + count * width).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length).put(h);
        return b;
    }

    /** Reads a little-endian float32 or float64 C-order array; anything else fails naming the file and field. */
    public static Array read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        if (b.remaining() < MAGIC.length + 4) {
            throw new BadInputException(file, "magic", "expected a .npy file (\\x93NUMPY), the file is too short");
        }
        b.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new BadInputException(file, "magic", "expected a .npy file starting with \\x93NUMPY");
        }
        int major = b.get();
        b.get();
        int headerLength;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(b.getShort());
        } else if (major == 2) {
            headerLength = b.getInt();
        } else {
            throw new BadInputException(file, "version", "expected .npy version 1.0 or 2.0, found " + major);
        }
        if (b.remaining() < headerLength) {
            throw new BadInputException(file, "header", "truncated header");
        }
        byte[] h = new byte[headerLength];
        b.get(h);
        String header = new String(h, StandardCharsets.US_ASCII);
        String descr = field(file, header, DESCR, "descr");
        if (!descr.equals("<f4") && !descr.equals("<f8")) {
            throw new BadInputException(file, "descr", "expected '<f4' or '<f8', found '" + descr + "'");
        }
        if (field(file, header, FORTRAN, "fortran_order").equals("True")) {
            throw new BadInputException(file, "fortran_order", "expected False (C order), found True");
        }
        String[] parts = field(file, header, SHAPE, "shape").split(",");
        int[] shape = Arrays.stream(parts).map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        int width = descr.equals("<f4") ? 4 : 8;
        if (b.remaining() != n * width) {
            throw new BadInputException(file, "data", "shape " + Arrays.toString(shape) + " of " + descr + " needs "
                    + n * width + " bytes, the file has " + b.remaining());
        }
        double[] values = new double[(int) n];
        for (int i = 0; i < values.length; i++) {
            values[i] = width == 4 ? b.getFloat() : b.getDouble();
        }
        return new Array(shape, descr, values);
    }

    private static String field(Path file, String header, Pattern p, String name) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new BadInputException(file, "header", "no '" + name + "' in " + header.trim());
        }
        return m.group(1);
    }
}
