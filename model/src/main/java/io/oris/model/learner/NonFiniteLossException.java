package io.oris.model.learner;

/**
 * A loss term became NaN or infinite. Raised before the actor, critics or α change (a discriminator step that the
 * method runs before its main losses may already have been applied), so training stops and the last snapshot, written
 * atomically, stays readable for a restart.
 */
public final class NonFiniteLossException extends RuntimeException {
    private final String method;
    private final String term;
    private final long step;

    public NonFiniteLossException(String method, String term, long step, double value) {
        super("non-finite loss in method '" + method + "': term '" + term + "' = " + value + " at step " + step);
        this.method = method;
        this.term = term;
        this.step = step;
    }

    public String method() {
        return method;
    }

    public String term() {
        return term;
    }

    public long step() {
        return step;
    }
}
