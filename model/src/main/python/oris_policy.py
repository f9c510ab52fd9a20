"""Reads an oris policy snapshot (format oris-policy/1) with numpy alone and computes its actions.

A snapshot is a folder (``runs/<run-id>/snapshots/step-N/`` or what ``oris export-policy --format npy`` writes)
with ``policy.json`` and one ``.npy`` per array: ``layer<l>_weight.npy`` [in, out] float32,
``layer<l>_bias.npy`` [out] float32, ReLU after every layer but the last; optionally ``obs_mean.npy`` and
``obs_scale.npy`` (float64) applied as ``(obs - mean) / scale`` before the network; the head in ``policy.json``
(``tanh_gaussian``: outputs [mean, log_std]; ``tanh_mean_gaussian``: tanh(y) plus a state-independent std;
``deterministic_tanh``). The deterministic action is always ``tanh(y[:, :act_dim])``.

Usage as a script (what the oris tests run):
    python3 oris_policy.py SNAPSHOT_DIR STATES.npy ACTIONS.npy
writes the deterministic actions (float32, [n, act_dim]) of the states (float32 or float64, [n, obs_dim]).
"""
import json
import os
import sys

import numpy as np


class OrisPolicy:
    """The policy of one snapshot folder."""

    def __init__(self, folder):
        with open(os.path.join(folder, "policy.json")) as f:
            self.spec = json.load(f)
        if self.spec.get("format") != "oris-policy/1":
            raise ValueError("%s: expected format oris-policy/1, found %r" % (folder, self.spec.get("format")))
        self.layers = [(np.load(os.path.join(folder, l["weight"])), np.load(os.path.join(folder, l["bias"])))
                       for l in self.spec["layers"]]
        self.act_dim = int(self.spec["act_dim"])
        self.head = self.spec["head"]
        norm = self.spec.get("obs_normalization")
        self.mean = None if norm is None else np.load(os.path.join(folder, norm["mean"]))
        self.scale = None if norm is None else np.load(os.path.join(folder, norm["scale"]))
        self.log_std = None
        if self.head["kind"] == "tanh_mean_gaussian":
            self.log_std = np.load(os.path.join(folder, self.head["log_std"]))

    def network(self, obs):
        """The network's output y for observations [n, obs_dim]."""
        x = np.asarray(obs, dtype=np.float64)
        if self.mean is not None:
            x = (x - self.mean) / self.scale
        h = x.astype(np.float32)
        for i, (w, b) in enumerate(self.layers):
            h = h @ w + b
            if i < len(self.layers) - 1:
                h = np.maximum(h, 0.0)
        return h

    def act(self, obs, deterministic=True, rng=None):
        """Actions in [-1, 1]^act_dim for observations [n, obs_dim]."""
        y = self.network(obs).astype(np.float64)
        a = self.act_dim
        mean = y[:, :a]
        if deterministic:
            return np.tanh(mean).astype(np.float32)
        rng = rng or np.random.default_rng()
        eps = rng.standard_normal(mean.shape)
        kind = self.head["kind"]
        if kind == "tanh_gaussian":
            ls = np.clip(self.head["log_std_multiplier"] * y[:, a:2 * a] + self.head["log_std_offset"],
                         self.head["log_std_min"], self.head["log_std_max"])
            return np.tanh(mean + np.exp(ls) * eps).astype(np.float32)
        if kind == "tanh_mean_gaussian":
            return np.clip(np.tanh(mean) + np.exp(self.log_std) * eps, -1.0, 1.0).astype(np.float32)
        return np.tanh(mean).astype(np.float32)


def main(argv):
    if len(argv) != 4:
        sys.stderr.write("usage: python3 oris_policy.py SNAPSHOT_DIR STATES.npy ACTIONS.npy\n")
        return 2
    policy = OrisPolicy(argv[1])
    states = np.load(argv[2])
    np.save(argv[3], policy.act(states, deterministic=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
