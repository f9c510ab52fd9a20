"""The same SAC update as io.oris.model.learner.SacLearner, in PyTorch on the CPU, for the learner benchmark.

Tanh-Gaussian actor and twin critics (256-256 ReLU), Polyak targets, automatic entropy tuning, target
r + gamma (1 - done) min Q'(s', a' ~ pi) without an entropy term; all losses at the same parameters, then the steps
of alpha, actor and critics (the order of H2O's implementation) and the target update. Random data of the task's
shapes. Prints one JSON line: {"threads": T, "updates_per_s": U, "cpu_s_per_update": C}.

Usage: sac_torch.py OBS_DIM ACT_DIM THREADS SECONDS [BATCH]
"""
import json
import sys
import time

import torch
from torch import nn

obs_dim, act_dim, threads, seconds = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
batch = int(sys.argv[5]) if len(sys.argv) > 5 else 256
torch.set_num_threads(threads)
torch.manual_seed(0)


def mlp(inp, out):
    return nn.Sequential(nn.Linear(inp, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, out))


actor = mlp(obs_dim, 2 * act_dim)
q1, q2 = mlp(obs_dim + act_dim, 1), mlp(obs_dim + act_dim, 1)
t1, t2 = mlp(obs_dim + act_dim, 1), mlp(obs_dim + act_dim, 1)
t1.load_state_dict(q1.state_dict())
t2.load_state_dict(q2.state_dict())
log_alpha = torch.zeros(1, requires_grad=True)
opt_actor = torch.optim.Adam(actor.parameters(), lr=3e-4)
opt_q = torch.optim.Adam(list(q1.parameters()) + list(q2.parameters()), lr=3e-4)
opt_alpha = torch.optim.Adam([log_alpha], lr=3e-4)
gamma, tau, target_entropy = 0.99, 5e-3, -float(act_dim)

s = torch.randn(batch, obs_dim)
a = torch.rand(batch, act_dim) * 2 - 1
r = torch.randn(batch)
s2 = torch.randn(batch, obs_dim)
d = torch.zeros(batch)


def policy(obs):
    out = actor(obs)
    mu, log_std = out[:, :act_dim], out[:, act_dim:].clamp(-20, 2)
    std = log_std.exp()
    eps = torch.randn_like(mu)
    u = mu + std * eps
    act = torch.tanh(u)
    logp = (-0.5 * eps.pow(2) - log_std - 0.5 * torch.log(torch.tensor(2 * torch.pi))).sum(-1)
    logp = logp - (2 * (torch.log(torch.tensor(2.0)) - u - nn.functional.softplus(-2 * u))).sum(-1)
    return act, logp


def update():
    new_a, logp = policy(s)
    alpha_loss = -(log_alpha * (logp + target_entropy).detach()).mean()
    alpha = log_alpha.exp()
    sa_pi = torch.cat([s, new_a], 1)
    actor_loss = (alpha.detach() * logp - torch.min(q1(sa_pi), q2(sa_pi)).squeeze(-1)).mean()
    sa = torch.cat([s, a], 1)
    p1, p2 = q1(sa).squeeze(-1), q2(sa).squeeze(-1)
    with torch.no_grad():
        a2, _ = policy(s2)
        s2a2 = torch.cat([s2, a2], 1)
        y = r + gamma * (1 - d) * torch.min(t1(s2a2), t2(s2a2)).squeeze(-1)
    q_loss = ((p1 - y) ** 2).mean() + ((p2 - y) ** 2).mean()
    opt_alpha.zero_grad()
    alpha_loss.backward()
    opt_alpha.step()
    opt_actor.zero_grad()
    actor_loss.backward()
    opt_actor.step()
    opt_q.zero_grad()
    q_loss.backward()
    opt_q.step()
    with torch.no_grad():
        for net, tgt in ((q1, t1), (q2, t2)):
            for p, tp in zip(net.parameters(), tgt.parameters()):
                tp.mul_(1 - tau).add_(p, alpha=tau)


for _ in range(20):
    update()
n = 0
c0, t0 = time.process_time(), time.perf_counter()
while time.perf_counter() - t0 < seconds:
    update()
    n += 1
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"threads": threads, "updates_per_s": n / wall, "cpu_s_per_update": cpu / n,
                  "torch": torch.__version__}))
