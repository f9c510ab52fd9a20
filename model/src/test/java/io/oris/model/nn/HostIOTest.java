package io.oris.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class HostIOTest {
    private static final double[] VALUES = {1e-39, -1e-40, 1.5e-38, 3.0, Double.MIN_VALUE, -2.5e-7};

    @Test
    void writesToFloatArraysFlushSubnormalsToZero() {
        var dst = Nd4j.create(DataType.FLOAT, VALUES.length);
        HostIO.write(VALUES, dst);
        // 1e-39, -1e-40 and 4.9e-324 are subnormal (or underflow) in float32: flushed; 1.5e-38 is normal: kept
        assertArrayEquals(new float[] {0f, 0f, 1.5e-38f, 3f, 0f, -2.5e-7f}, dst.toFloatVector());
    }

    @Test
    void writesToDoubleArraysKeepEveryValue() {
        var dst = Nd4j.create(DataType.DOUBLE, VALUES.length);
        HostIO.write(VALUES, dst);
        assertArrayEquals(VALUES, dst.toDoubleVector());
    }
}
