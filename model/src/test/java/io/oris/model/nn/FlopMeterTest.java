package io.oris.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** {@link FlopMeter} counts each product of an {@link MlpPass} at the shapes multiplied, forward and backward. */
class FlopMeterTest {
    @Test
    void aForwardAndBackwardPassCountsEveryProduct() {
        Mlp mlp = new Mlp(5, 8, 3);          // matrices [6, 9] and [9, 3]
        MlpPass pass = new MlpPass(mlp, 10, DataType.FLOAT);
        ParamGroup g = new ParamGroup(java.util.List.of(mlp), DataType.FLOAT, false);
        long before = FlopMeter.count();
        pass.forward(g.weights(0));
        assertEquals(2L * 10 * (6 * 9 + 9 * 3), FlopMeter.count() - before, "forward: rows x [in+1, out(+1)] per layer");
        before = FlopMeter.count();
        // parameter gradients over rows [2, 10), input gradient over all rows
        pass.backward(g.weights(0), g.gradients(0), 0, 10, 2, 10, false, true);
        long weightGrads = 2L * 8 * (6 * 9 + 9 * 3);
        long inputGrads = 2L * 10 * (3 * 9 + 9 * 6);
        assertEquals(weightGrads + inputGrads, FlopMeter.count() - before);
    }
}
