package io.oris.sim;

/**
 * An error reported by MuJoCo (a model that does not compile, a file that cannot be read, an internal
 * error raised through {@code mju_error}), carrying MuJoCo's own message so the user can act on it.
 */
public class MujocoException extends RuntimeException {
    public MujocoException(String message) {
        super(message);
    }
}
