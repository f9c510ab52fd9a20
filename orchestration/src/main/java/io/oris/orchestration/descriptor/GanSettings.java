package io.oris.orchestration.descriptor;

import java.util.List;

/**
 * ORIS GAN pre-training settings (per dataset): steps, batch size, hidden layer sizes of generator and
 * discriminator, learning rate, and the noise dimension ({@code null}: the observation dimension).
 */
public record GanSettings(long steps, int batchSize, List<Integer> hidden, double learningRate, Integer noiseDim) {
    public GanSettings {
        hidden = List.copyOf(hidden);
    }
}
