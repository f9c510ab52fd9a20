package io.oris.orchestration.descriptor;

import java.util.ArrayList;
import java.util.List;

/**
 * A method entry of a sweep: a {@link Method} plus its ablation flags, written {@code method[-flag]...}
 * ({@code h2o-dr}, {@code oris-no_restart-h2o_reweight}). Flags are kept in the method's canonical order
 * so the same variant written two ways is one column and one run id.
 */
public record MethodSpec(Method method, List<String> flags) {
    public MethodSpec {
        flags = List.copyOf(flags);
    }

    /** Parses {@code text}; the message of the exception says what is allowed. */
    public static MethodSpec parse(String text) {
        String[] parts = text.trim().split("-");
        Method method = Method.byId(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                "unknown method '" + parts[0] + "'; expected one of " + MethodCatalog.ids()
                        + " optionally followed by -flag variants (e.g. h2o-a, oris-no_restart)"));
        List<String> given = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (!method.flags().contains(parts[i])) {
                throw new IllegalArgumentException("unknown variant flag '" + parts[i] + "' for method " + method.id()
                        + (method.flags().isEmpty() ? " (it has no variants)" : "; expected any of " + method.flags()));
            }
            if (given.contains(parts[i])) {
                throw new IllegalArgumentException("variant flag '" + parts[i] + "' given twice");
            }
            given.add(parts[i]);
        }
        List<String> canonical = method.flags().stream().filter(given::contains).toList();
        return new MethodSpec(method, canonical);
    }

    /** {@code method[-flag]...} in canonical order: the column name in tables. */
    public String name() {
        return flags.isEmpty() ? method.id() : method.id() + "-" + String.join("-", flags);
    }

    /**
     * True for the ORIS variants that read a pre-trained GAN: to restart rollouts from it (unless
     * {@code no_restart}) or for its discriminator's state weight w(s) (unless {@code h2o_reweight}); only
     * {@code oris-no_restart-h2o_reweight} needs none.
     */
    public boolean usesGan() {
        return method.info().readsGan() && !(flags.contains("no_restart") && flags.contains("h2o_reweight"));
    }

    /** True when runs of this method read a pre-trained dynamics model of their dataset (COMBO). */
    public boolean usesDynamicsModel() {
        return method.info().needsDynamicsModel();
    }

    /** The variant part ({@code no_restart-h2o_reweight}), or {@code ""} for the plain method. */
    public String variant() {
        return String.join("-", flags);
    }

    @Override
    public String toString() {
        return name();
    }
}
