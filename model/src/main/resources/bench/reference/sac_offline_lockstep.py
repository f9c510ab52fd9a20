"""SAC in PyTorch on fixed offline data, for the Java learner's many-update check (model's SacOfflineLockstepTest).

The Java test writes into DIR: data.bin (big-endian float32: obs [n, o], actions [n, a], rewards [n], next obs [n, o],
terminals [n]), idx.bin (big-endian int32 batch indices [updates, batch]) and init.json (the Java learner's initial
actor and critics as [{W: [in][out], b: [out]}] per layer, plus n, obs_dim, act_dim, updates, batch). This script runs
the SAC paper's update (sac_online.py's Sac with its standard head: soft Bellman backup, log sigma = the network's
output clamped to [-20, 2], learned alpha with target entropy -act_dim) from those weights on those batches with its own noise
(torch.manual_seed(seed)), float32, torch.optim.Adam, and writes DIR/torch.log: every 500 updates the alpha used and
the mean log pi over the last 500 updates.

    python3 sac_offline_lockstep.py DIR [--seed S]
"""
import argparse
import json
import os

import numpy as np
import torch

from common import linear_stack
from sac_online import Actor, Sac


def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(1)
    d = args.dir
    init = json.load(open(os.path.join(d, "init.json")))
    n, o, a, updates, batch = init["n"], init["obs_dim"], init["act_dim"], init["updates"], init["batch"]
    raw = np.fromfile(os.path.join(d, "data.bin"), dtype=">f4").astype(np.float32)
    parts, at = [], 0
    for size in (n * o, n * a, n, n * o, n):
        parts.append(torch.as_tensor(raw[at:at + size]))
        at += size
    S, A, R, S2, D = parts[0].reshape(n, o), parts[1].reshape(n, a), parts[2], parts[3].reshape(n, o), parts[4]
    idx = torch.as_tensor(np.fromfile(os.path.join(d, "idx.bin"), dtype=">i4").astype(np.int64).reshape(updates, batch))

    actor = Actor(o, a, "standard")
    actor.net = linear_stack(init["actor"]).float()       # the Java learner's initial weights (float32 values)
    sac = Sac(actor, linear_stack(init["q1"]).float(), linear_stack(init["q2"]).float(), a, backup_entropy=True)
    logp_sum = 0.0
    with open(os.path.join(d, "torch.log"), "w") as log:
        for t in range(updates):
            i = idx[t]
            alpha, logp = sac.update(S[i], A[i], R[i], S2[i], D[i])
            logp_sum += logp
            if (t + 1) % 500 == 0:
                log.write("%d %.6f %.5f\n" % (t + 1, alpha, logp_sum / 500))
                log.flush()
                logp_sum = 0.0


if __name__ == "__main__":
    main()
