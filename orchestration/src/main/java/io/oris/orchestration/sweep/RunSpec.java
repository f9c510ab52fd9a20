package io.oris.orchestration.sweep;

import io.oris.orchestration.Fingerprints;
import io.oris.orchestration.descriptor.Budget;
import io.oris.orchestration.descriptor.DatasetSpec;
import io.oris.orchestration.descriptor.EvalProtocol;
import io.oris.orchestration.descriptor.Method;
import io.oris.orchestration.descriptor.MethodSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One training run of a sweep, fully resolved: method and variant, env (the task), dataset (none for
 * sim-only SAC), dynamics gap (none for offline methods), seed, budgets, evaluation protocol, learner
 * hyperparameter overrides (the keys its learner reads; {@code gan.*} keys go to the GAN), for ORIS variants that
 * read a pre-trained GAN, that GAN (settings and seed), and for COMBO its pre-trained dynamics model (settings from
 * its {@code dynamics.*} hyperparameters, and seed). {@link #runId()} is the first 16 hex digits of the SHA-256 of
 * {@link #config()}'s canonical JSON, so equal configs share a run folder across sweeps, and a run that reads another
 * GAN (other settings, or another GAN seed) is another run.
 */
public record RunSpec(String runId,
                      MethodSpec methodSpec,
                      String env,
                      DatasetSpec dataset,
                      String gap,
                      long seed,
                      Budget budget,
                      EvalProtocol evaluation,
                      Map<String, Object> hyperparameters,
                      GanSpec gan,
                      DynamicsSpec dynamics) {
    /** Version of the run-config layout; part of every run id. */
    public static final String CONFIG_SCHEMA = "oris-run/1";

    public RunSpec {
        hyperparameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    }

    /** Builds a run and computes its id from the resolved config. */
    public static RunSpec of(MethodSpec method, String env, DatasetSpec dataset, String gap, long seed, Budget budget,
                             EvalProtocol evaluation, Map<String, Object> hyperparameters, GanSpec gan,
                             DynamicsSpec dynamics) {
        RunSpec draft = new RunSpec("", method, env, dataset, gap, seed, budget, evaluation, hyperparameters, gan,
                dynamics);
        String id = Fingerprints.sha256Hex(Fingerprints.canonicalJson(draft.config())).substring(0, 16);
        return new RunSpec(id, method, env, dataset, gap, seed, budget, evaluation, hyperparameters, gan, dynamics);
    }

    /** The method id ({@code sac}, {@code h2o}, {@code oris}, ...). */
    public Method method() {
        return methodSpec.method();
    }

    /** The variant flags joined by '-' ({@code no_restart-h2o_reweight}); {@code ""} for the plain method. */
    public String variant() {
        return methodSpec.variant();
    }

    /** The table column: method plus variant ({@code oris-no_restart}). */
    public String column() {
        return methodSpec.name();
    }

    /** The dataset id, or {@code null} for sim-only SAC. */
    public String datasetId() {
        return dataset == null ? null : dataset.id();
    }

    /** A readable name for logs: {@code oris hopper-medium-replay-v2 gravity=2.0 seed 0}. */
    public String label() {
        return column() + " " + (dataset == null ? env + " (sim only)" : dataset.id())
                + (gap == null ? "" : " " + gap) + " seed " + seed;
    }

    /** The resolved config as plain values: what {@code config.json} holds and what the run id hashes. */
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("schema", CONFIG_SCHEMA);
        c.put("method", method().id());
        c.put("variant", variant());
        c.put("env", env);
        c.put("dataset", dataset == null ? null : dataset.config());
        c.put("gap", gap);
        c.put("seed", seed);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("gradient_steps", budget.gradientSteps());
        b.put("steps_per_epoch", budget.stepsPerEpoch());
        if (method().usesSimulator()) {
            b.put("sim_steps_per_epoch", budget.simStepsPerEpoch());
        }
        b.put("eval_every", budget.evalEvery());
        b.put("snapshot_every", budget.snapshotEvery());
        c.put("budget", b);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("episodes", evaluation.episodes());
        e.put("last_k", evaluation.lastK());
        e.put("score", evaluation.score());
        e.put("max_episode_steps", evaluation.maxEpisodeSteps());
        c.put("evaluation", e);
        c.put("hyperparameters", hyperparameters);
        if (gan != null) {
            c.put("gan", gan.config());
        }
        if (dynamics != null) {
            c.put("dynamics", dynamics.config());
        }
        return c;
    }
}
