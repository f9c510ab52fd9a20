package io.oris.pipeline.export;

import com.google.protobuf.CodedOutputStream;
import io.oris.model.learner.PolicyExport;
import io.oris.model.learner.StateNormalizer;
import io.oris.model.nn.HostMlp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy's deterministic action as an ONNX model, for running it on a robot without oris: input {@code obs}
 * (float32 [batch, obs_dim]), output {@code action} (float32 [batch, act_dim]) = tanh of the first act_dim outputs
 * of the network, after the learner's observation normalisation ({@code Sub}, {@code Div} by the float32 mean and
 * scale), with a {@code Gemm} per layer (weights [in, out], bias [out]) and {@code Relu} between layers, and a
 * {@code Slice} where the network also outputs log σ. ONNX IR version 7, opset 13. The ModelProto is encoded by hand
 * with protobuf's {@link CodedOutputStream} from the field numbers of {@code onnx/onnx.proto} (no generated classes).
 */
public final class OnnxPolicy {
    /** ONNX IR version of the models written (the one that goes with opset 13). */
    public static final int IR_VERSION = 7;
    /** The default-domain operator set the graph uses. */
    public static final int OPSET = 13;
    public static final String INPUT = "obs";
    public static final String OUTPUT = "action";

    private static final int FLOAT = 1;   // TensorProto.DataType
    private static final int INT64 = 7;

    private OnnxPolicy() {
    }

    /** The serialised ModelProto of {@code export}'s deterministic action. */
    public static byte[] model(PolicyExport export, String producerVersion, String docString) {
        HostMlp net = export.net();
        List<byte[]> nodes = new ArrayList<>();
        List<byte[]> initializers = new ArrayList<>();
        String x = INPUT;
        StateNormalizer n = export.normalizer();
        if (n != null) {
            initializers.add(floatTensor("obs_mean", toFloat(n.mean()), n.obsDim()));
            initializers.add(floatTensor("obs_scale", toFloat(n.scale()), n.obsDim()));
            nodes.add(node("Sub", List.of(x, "obs_mean"), "obs_centered"));
            nodes.add(node("Div", List.of("obs_centered", "obs_scale"), "obs_normalized"));
            x = "obs_normalized";
        }
        for (int l = 0; l < net.layers(); l++) {
            String w = "layer" + l + "_weight";
            String b = "layer" + l + "_bias";
            initializers.add(floatTensor(w, net.weights(l), net.size(l), net.size(l + 1)));
            initializers.add(floatTensor(b, net.bias(l), net.size(l + 1)));
            String y = "layer" + l + "_out";
            nodes.add(node("Gemm", List.of(x, w, b), y));
            if (l < net.layers() - 1) {
                nodes.add(node("Relu", List.of(y), "layer" + l + "_relu"));
                y = "layer" + l + "_relu";
            }
            x = y;
        }
        int act = export.actDim();
        if (net.outputSize() != act) {
            initializers.add(longTensor("mean_starts", 0));
            initializers.add(longTensor("mean_ends", act));
            initializers.add(longTensor("mean_axes", 1));
            nodes.add(node("Slice", List.of(x, "mean_starts", "mean_ends", "mean_axes"), "mean"));
            x = "mean";
        }
        nodes.add(node("Tanh", List.of(x), OUTPUT));

        Message graph = new Message();
        nodes.forEach(node -> graph.bytes(1, node));
        graph.string(2, "oris_policy");
        initializers.forEach(t -> graph.bytes(5, t));
        graph.bytes(11, valueInfo(INPUT, export.obsDim()));
        graph.bytes(12, valueInfo(OUTPUT, act));

        Message opset = new Message().string(1, "").int64(2, OPSET);
        return new Message()
                .int64(1, IR_VERSION)
                .string(2, "oris")
                .string(3, producerVersion)
                .string(6, docString)
                .bytes(7, graph.toBytes())
                .bytes(8, opset.toBytes())
                .toBytes();
    }

    private static byte[] node(String op, List<String> inputs, String output) {
        Message m = new Message();
        inputs.forEach(i -> m.string(1, i));
        return m.string(2, output).string(3, op + "_" + output).string(4, op).toBytes();
    }

    /** A float32 tensor [batch, width] named {@code name} (batch symbolic). */
    private static byte[] valueInfo(String name, int width) {
        byte[] batch = new Message().string(2, "batch").toBytes();
        byte[] columns = new Message().int64(1, width).toBytes();
        byte[] shape = new Message().bytes(1, batch).bytes(1, columns).toBytes();
        byte[] tensor = new Message().int64(1, FLOAT).bytes(2, shape).toBytes();
        byte[] type = new Message().bytes(1, tensor).toBytes();
        return new Message().string(1, name).bytes(2, type).toBytes();
    }

    private static byte[] floatTensor(String name, float[] values, int... dims) {
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        Message m = new Message();
        for (int d : dims) {
            m.int64(1, d);
        }
        return m.int64(2, FLOAT).string(8, name).bytes(9, raw.array()).toBytes();
    }

    private static byte[] longTensor(String name, long value) {
        ByteBuffer raw = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
        return new Message().int64(1, 1).int64(2, INT64).string(8, name).bytes(9, raw.array()).toBytes();
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** One protobuf message being encoded (fields in the order written). */
    private static final class Message {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

        Message int64(int field, long value) {
            try {
                out.writeInt64(field, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Message string(int field, String value) {
            try {
                out.writeString(field, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Message bytes(int field, byte[] value) {
            try {
                out.writeByteArray(field, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        byte[] toBytes() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }
}
