"""An independent PyTorch SAC trained online in an oris environment (served by `oris env serve`): the side-by-side
reference of the SAC learning check (pipeline's SacRealHopperLearningTest). Written from Haarnoja et al. (2018) and
the H2O authors' choices (docs/reference.md §4), sharing no code with the Java learners; float32, torch.optim.Adam.

    python3 sac_online.py --launcher ./oris --task hopper --seed 0 --steps 100000 [--head h2o|standard]
        [--random-steps 1000] [--backup-entropy]

Prints the last-10 training return every 10k steps and, at the end, the mean return of 10 deterministic episodes
in a second server (seed + 3), as the Java check does.
"""
import argparse
import copy
import math
import os
import sys
import time

import numpy as np
import torch
from torch import nn


def mlp(sizes, last_gain):
    layers = []
    for i in range(len(sizes) - 1):
        lin = nn.Linear(sizes[i], sizes[i + 1])
        if i == len(sizes) - 2:
            nn.init.xavier_uniform_(lin.weight, gain=last_gain)
            nn.init.zeros_(lin.bias)
        layers.append(lin)
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


class Actor(nn.Module):
    """tanh-Gaussian; head 'h2o': log σ = m·ℓ + o (trainable scalars, 1 and −1), 'standard': log σ = ℓ; clamp [−20, 2]."""

    def __init__(self, o, a, head):
        super().__init__()
        self.a = a
        self.net = mlp([o, 256, 256, 2 * a], 1e-2)
        h2o = head == "h2o"
        self.m = nn.Parameter(torch.tensor(1.0), requires_grad=h2o)
        self.b = nn.Parameter(torch.tensor(-1.0 if h2o else 0.0), requires_grad=h2o)

    def forward(self, s, deterministic=False):
        out = self.net(s)
        mu, ell = out[:, :self.a], out[:, self.a:]
        if deterministic:
            return torch.tanh(mu), None
        log_std = torch.clamp(self.m * ell + self.b, -20.0, 2.0)
        std = log_std.exp()
        eps = torch.randn_like(mu)
        u = mu + std * eps
        act = torch.tanh(u)
        logp = (-0.5 * eps ** 2 - log_std - 0.5 * math.log(2 * math.pi)).sum(-1)
        logp = logp - (2 * (math.log(2) - u - nn.functional.softplus(-2 * u))).sum(-1)
        return act, logp


class Sac:
    """The SAC update of Haarnoja et al. (2018) with H2O's order: all losses at the current parameters, then alpha,
    actor and critics step (torch.optim.Adam, lr 3e-4) and the targets move (tau 5e-3); gamma 0.99, target entropy
    -act_dim; the entropy term in the critic's target only with ``backup_entropy``. ``targets``: two networks of the
    critics' shape to hold the target copies (default: deep copies)."""

    def __init__(self, actor, q1, q2, act_dim, backup_entropy, targets=None):
        self.actor, self.q1, self.q2 = actor, q1, q2
        if targets is None:
            self.t1, self.t2 = copy.deepcopy(q1), copy.deepcopy(q2)
        else:
            self.t1, self.t2 = targets
            self.t1.load_state_dict(q1.state_dict())
            self.t2.load_state_dict(q2.state_dict())
        self.log_alpha = nn.Parameter(torch.zeros(()))
        self.opt_actor = torch.optim.Adam([x for x in actor.parameters() if x.requires_grad], lr=3e-4)
        self.opt_q = torch.optim.Adam(list(q1.parameters()) + list(q2.parameters()), lr=3e-4)
        self.opt_alpha = torch.optim.Adam([self.log_alpha], lr=3e-4)
        self.target_entropy = -float(act_dim)
        self.backup_entropy = backup_entropy
        self.gamma, self.tau = 0.99, 5e-3

    def alpha(self):
        return self.log_alpha.exp().item()

    def update(self, s, ac, rw, s2, d):
        """One update on a batch; returns the alpha it used and the batch's mean log pi."""
        q1, q2 = self.q1, self.q2
        alpha = self.log_alpha.exp().detach()
        pi, logp = self.actor(s)
        alpha_loss = -(self.log_alpha * (logp.detach() + self.target_entropy)).mean()
        sa_pi = torch.cat([s, pi], 1)
        actor_loss = (alpha * logp - torch.min(q1(sa_pi), q2(sa_pi)).squeeze(-1)).mean()
        with torch.no_grad():
            pi2, logp2 = self.actor(s2)
            sa2 = torch.cat([s2, pi2], 1)
            qn = torch.min(self.t1(sa2), self.t2(sa2)).squeeze(-1)
            if self.backup_entropy:
                qn = qn - alpha * logp2
            y = rw + self.gamma * (1 - d) * qn
        sa = torch.cat([s, ac], 1)
        q_loss = ((q1(sa).squeeze(-1) - y) ** 2).mean() + ((q2(sa).squeeze(-1) - y) ** 2).mean()
        self.opt_alpha.zero_grad()
        alpha_loss.backward()
        self.opt_actor.zero_grad()
        actor_loss.backward()
        self.opt_q.zero_grad()
        q_loss.backward()
        self.opt_alpha.step()
        self.opt_actor.step()
        self.opt_q.step()
        with torch.no_grad():
            for net, tgt in ((q1, self.t1), (q2, self.t2)):
                for x, y_ in zip(net.parameters(), tgt.parameters()):
                    y_.mul_(1 - self.tau).add_(self.tau * x)
        return alpha.item(), logp.mean().item()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--launcher", required=True)
    p.add_argument("--task", default="hopper")
    p.add_argument("--gap", default="real")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--steps", type=int, default=100000)
    p.add_argument("--random-steps", type=int, default=1000)
    p.add_argument("--head", choices=["h2o", "standard"], default="h2o")
    p.add_argument("--backup-entropy", action="store_true")
    args = p.parse_args()
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "..", "..",
                                    "sim", "src", "main", "python"))
    from oris_env import OrisEnv
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)

    env = OrisEnv.launch(args.launcher, args.task, gap=args.gap, seed=args.seed + 2)
    o, a = env.obs_dim, env.act_dim
    actor = Actor(o, a, args.head)
    q1, q2 = mlp([o + a, 256, 256, 1], 1e-2), mlp([o + a, 256, 256, 1], 1e-2)
    # the target networks are made (drawing their initial weights, then overwritten) as before the Sac class existed,
    # so a seed still gives the runs reported in the README
    sac = Sac(actor, q1, q2, a, args.backup_entropy,
              targets=(mlp([o + a, 256, 256, 1], 1e-2), mlp([o + a, 256, 256, 1], 1e-2)))
    batch = 256

    n = args.steps
    S = np.zeros((n, o), np.float32)
    A = np.zeros((n, a), np.float32)
    R = np.zeros((n,), np.float32)
    S2 = np.zeros((n, o), np.float32)
    D = np.zeros((n,), np.float32)
    obs = env.reset()
    ep_ret, returns = 0.0, []
    start = time.time()
    for t in range(n):
        if t < args.random_steps:
            act = rng.uniform(-1, 1, a)
        else:
            with torch.no_grad():
                act = actor(torch.as_tensor([obs], dtype=torch.float32))[0][0].numpy()
        nxt, r, term, trunc = env.step(act.tolist())
        S[t], A[t], R[t], S2[t], D[t] = obs, act, r, nxt, float(term)
        ep_ret += r
        obs = nxt
        if t >= args.random_steps:
            idx = rng.integers(0, t + 1, batch)
            s, ac, rw, s2, d = (torch.as_tensor(x[idx]) for x in (S, A, R, S2, D))
            sac.update(s, ac, rw, s2, d)
        if term or trunc:
            returns.append(ep_ret)
            ep_ret = 0.0
            obs = env.reset()
        if (t + 1) % 10000 == 0:
            last = np.mean(returns[-10:]) if returns else float("nan")
            print("torch SAC %s seed %d: step %d, training return (last 10) %.1f, alpha %.4f, %.0f s"
                  % (args.task, args.seed, t + 1, last, sac.alpha(), time.time() - start), flush=True)
    env.close()

    ev = OrisEnv.launch(args.launcher, args.task, gap=args.gap, seed=args.seed + 3)
    rets = []
    for _ in range(10):
        obs, total, done = ev.reset(), 0.0, False
        while not done:
            with torch.no_grad():
                act = actor(torch.as_tensor([obs], dtype=torch.float32), deterministic=True)[0][0].numpy()
            obs, r, term, trunc = ev.step(act.tolist())
            total += r
            done = term or trunc
        rets.append(total)
    ev.close()
    print("torch SAC %s seed %d: deterministic return (10 episodes) %.1f %s; head %s, random steps %d, backup entropy %s"
          % (args.task, args.seed, float(np.mean(rets)), [round(x, 1) for x in rets], args.head, args.random_steps,
             args.backup_entropy), flush=True)


if __name__ == "__main__":
    main()
