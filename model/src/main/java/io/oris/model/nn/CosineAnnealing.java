package io.oris.model.nn;

/**
 * PyTorch's {@code CosineAnnealingLR} with {@code eta_min = 0} in closed form: the learning rate of the t-th step
 * (t = 0, 1, ...) of a run of T steps is {@code lr · (1 + cos(π t / T)) / 2}, so it falls from lr at t = 0 to lr/2
 * at T/2 and 0 at T. IQL anneals its actor's learning rate this way over the whole run (Kostrikov et al. 2021,
 * CORL). Steps past T stay at 0 (PyTorch's formula would rise again; a run never goes there).
 */
public final class CosineAnnealing {
    private CosineAnnealing() {
    }

    /** The learning rate of step {@code t} of {@code total} steps. */
    public static double lr(double lr, long t, long total) {
        if (total <= 0) {
            throw new IllegalArgumentException("cosine annealing needs a positive number of steps, got " + total);
        }
        if (t >= total) {
            return 0.0;
        }
        return lr * (1 + Math.cos(Math.PI * Math.max(0, t) / total)) / 2;
    }
}
