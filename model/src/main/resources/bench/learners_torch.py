"""PyTorch CPU updates of the shapes of oris's learners, for `oris bench learners` (throughput only).

Each method is written from its paper as a PyTorch user would write it (persistent nn.Modules, torch.optim.Adam,
float32, one fused forward pass where the maths allows), at the Java learners' default shapes: 256-256 ReLU MLPs,
batch 256, random data of the task's dimensions.

  sac    Tanh-Gaussian actor, twin critics, Polyak targets, automatic entropy tuning, target without an entropy
         term (H2O's SAC); all losses at the same parameters, then the steps of alpha, actor and critics.
  cql    CQL(H) (Kumar et al. 2020) on that SAC: per critic log-sum-exp over K = 10 uniform actions, K from pi(.|s)
         and K from pi(.|s') (all at s) minus their log-densities, minus Q(s, a_data), weight 5, no Lagrange; the
         3K sampled actions of each state are evaluated in one pass per critic.
  iql    IQL (Kostrikov et al. 2021, CORL's layout): V(s) by expectile 0.7 against min of target Qs, Qs against
         r + gamma V(s'), Gaussian actor (tanh mean, state-independent log std) by advantage-weighted regression
         (beta 3, weights clipped at 100), cosine schedule on the actor's learning rate, Polyak Q targets.
  td3bc  TD3+BC (Fujimoto and Gu 2021): twin critics with target policy smoothing (noise 0.2 clipped at 0.5), the
         deterministic tanh actor every 2nd update with lambda = 2.5 / mean|Q| and the BC term, Polyak targets with
         the actor; one "update" is one critic step, as in the Java learner.
  h2o    H2O (Niu et al. 2022) on that SAC, 128 offline + 128 simulated rows: one cross-entropy step of D_sa and D_sas
         (256-256, 256 real + 256 simulated noisy transitions, logits 2 tanh), the dynamics ratio of the simulated rows
         (clipped to [1e-5, 1]) weighting their Bellman error, u(s, a) as the mean log-ratio over 10 perturbed next
         states, and the KL-weighted value regularisation 0.01 (logsumexp of Q + log omega over simulated rows minus
         the mean Q of offline rows).

Prints one JSON line: {"method": M, "threads": T, "updates_per_s": U, "cpu_s_per_update": C, "torch": V}.

Usage: learners_torch.py METHOD OBS_DIM ACT_DIM THREADS SECONDS [BATCH]
"""
import json
import math
import sys
import time

import torch
from torch import nn
from torch.nn import functional as F

method = sys.argv[1]
obs_dim, act_dim, threads, seconds = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
batch = int(sys.argv[6]) if len(sys.argv) > 6 else 256
torch.set_num_threads(threads)
torch.manual_seed(0)
gamma, tau, lr = 0.99, 5e-3, 3e-4


def mlp(inp, out):
    return nn.Sequential(nn.Linear(inp, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, out))


def copy_of(net):
    target = mlp(net[0].in_features, net[-1].out_features)
    target.load_state_dict(net.state_dict())
    return target


def polyak(pairs, rate):
    with torch.no_grad():
        for net, tgt in pairs:
            for p, tp in zip(net.parameters(), tgt.parameters()):
                tp.mul_(1 - rate).add_(p, alpha=rate)


def steps(*pairs):
    """One optimiser step per (optimiser, loss), in order (alpha, actor, critics: H2O's implementation)."""
    for opt, loss in pairs:
        opt.zero_grad()
        loss.backward()
        opt.step()


s = torch.randn(batch, obs_dim)
a = torch.rand(batch, act_dim) * 2 - 1
r = torch.randn(batch)
s2 = torch.randn(batch, obs_dim)
d = torch.zeros(batch)
LOG_2PI = math.log(2 * math.pi)


def tanh_gaussian(actor, obs):
    """A sample of the tanh-Gaussian policy and its log-density (SAC, Appendix C)."""
    out = actor(obs)
    mu, log_std = out[:, :act_dim], out[:, act_dim:].clamp(-20, 2)
    eps = torch.randn_like(mu)
    u = mu + log_std.exp() * eps
    logp = (-0.5 * eps.pow(2) - log_std - 0.5 * LOG_2PI).sum(-1)
    logp = logp - (2 * (math.log(2.0) - u - F.softplus(-2 * u))).sum(-1)
    return torch.tanh(u), logp


def q_of(net, obs, act):
    return net(torch.cat([obs, act], 1)).squeeze(-1)


def sac_like(conservative):
    actor = mlp(obs_dim, 2 * act_dim)
    q1, q2 = mlp(obs_dim + act_dim, 1), mlp(obs_dim + act_dim, 1)
    t1, t2 = copy_of(q1), copy_of(q2)
    log_alpha = torch.zeros(1, requires_grad=True)
    opt_actor = torch.optim.Adam(actor.parameters(), lr=lr)
    opt_q = torch.optim.Adam(list(q1.parameters()) + list(q2.parameters()), lr=lr)
    opt_alpha = torch.optim.Adam([log_alpha], lr=lr)
    target_entropy = -float(act_dim)
    k, weight = 10, 5.0
    s_rep = s.repeat_interleave(k, 0)
    s2_rep = s2.repeat_interleave(k, 0)
    s_rep3 = s_rep.repeat(3, 1)
    uniform_logp = act_dim * math.log(0.5)

    def update():
        new_a, logp = tanh_gaussian(actor, s)
        alpha_loss = -(log_alpha * (logp + target_entropy).detach()).mean()
        alpha = log_alpha.exp()
        actor_loss = (alpha.detach() * logp - torch.min(q_of(q1, s, new_a), q_of(q2, s, new_a))).mean()
        p1, p2 = q_of(q1, s, a), q_of(q2, s, a)
        with torch.no_grad():
            a2, _ = tanh_gaussian(actor, s2)
            y = r + gamma * (1 - d) * torch.min(q_of(t1, s2, a2), q_of(t2, s2, a2))
        q_loss = ((p1 - y) ** 2).mean() + ((p2 - y) ** 2).mean()
        if conservative:
            with torch.no_grad():
                uni = torch.rand(batch * k, act_dim) * 2 - 1
                pa, plogp = tanh_gaussian(actor, s_rep)
                na, nlogp = tanh_gaussian(actor, s2_rep)
                acts = torch.cat([uni, pa, na], 0)
                dens = torch.cat([torch.full((batch * k,), uniform_logp), plogp, nlogp], 0)
            for q, p in ((q1, p1), (q2, p2)):
                x = (q_of(q, s_rep3, acts) - dens).view(3, batch, k).permute(1, 0, 2).reshape(batch, 3 * k)
                q_loss = q_loss + weight * (torch.logsumexp(x, 1) - p).mean()
        steps((opt_alpha, alpha_loss), (opt_actor, actor_loss), (opt_q, q_loss))
        polyak(((q1, t1), (q2, t2)), tau)

    return update


def iql():
    actor = nn.Sequential(mlp(obs_dim, act_dim), nn.Tanh())
    log_std = torch.zeros(act_dim, requires_grad=True)
    q1, q2, value = mlp(obs_dim + act_dim, 1), mlp(obs_dim + act_dim, 1), mlp(obs_dim, 1)
    t1, t2 = copy_of(q1), copy_of(q2)
    opt_actor = torch.optim.Adam(list(actor.parameters()) + [log_std], lr=lr)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(opt_actor, 1_000_000)
    opt_q = torch.optim.Adam(list(q1.parameters()) + list(q2.parameters()), lr=lr)
    opt_v = torch.optim.Adam(value.parameters(), lr=lr)
    expectile, beta = 0.7, 3.0

    def update():
        with torch.no_grad():
            target_q = torch.min(q_of(t1, s, a), q_of(t2, s, a))
            next_v = value(s2).squeeze(-1)
        v = value(s).squeeze(-1)
        adv = target_q - v
        v_loss = (torch.abs(expectile - (adv < 0).float()) * adv.pow(2)).mean()
        opt_v.zero_grad()
        v_loss.backward()
        opt_v.step()
        y = r + gamma * (1 - d) * next_v
        q_loss = ((q_of(q1, s, a) - y) ** 2).mean() + ((q_of(q2, s, a) - y) ** 2).mean()
        opt_q.zero_grad()
        q_loss.backward()
        opt_q.step()
        polyak(((q1, t1), (q2, t2)), tau)
        weights = torch.exp(beta * adv.detach()).clamp(max=100.0)
        mean = actor(s)
        logp = (-0.5 * ((a - mean) / log_std.exp()).pow(2) - log_std - 0.5 * LOG_2PI).sum(-1)
        actor_loss = -(weights * logp).mean()
        opt_actor.zero_grad()
        actor_loss.backward()
        opt_actor.step()
        schedule.step()

    return update


def td3bc():
    actor = nn.Sequential(mlp(obs_dim, act_dim), nn.Tanh())
    actor_target = nn.Sequential(mlp(obs_dim, act_dim), nn.Tanh())
    actor_target.load_state_dict(actor.state_dict())
    q1, q2 = mlp(obs_dim + act_dim, 1), mlp(obs_dim + act_dim, 1)
    t1, t2 = copy_of(q1), copy_of(q2)
    opt_actor = torch.optim.Adam(actor.parameters(), lr=lr)
    opt_q = torch.optim.Adam(list(q1.parameters()) + list(q2.parameters()), lr=lr)
    alpha, noise, clip = 2.5, 0.2, 0.5
    step = [0]

    def update():
        with torch.no_grad():
            smoothing = (torch.randn(batch, act_dim) * noise).clamp(-clip, clip)
            a2 = (actor_target(s2) + smoothing).clamp(-1, 1)
            y = r + gamma * (1 - d) * torch.min(q_of(t1, s2, a2), q_of(t2, s2, a2))
        q_loss = ((q_of(q1, s, a) - y) ** 2).mean() + ((q_of(q2, s, a) - y) ** 2).mean()
        opt_q.zero_grad()
        q_loss.backward()
        opt_q.step()
        step[0] += 1
        if step[0] % 2 == 0:
            pi = actor(s)
            q = q_of(q1, s, pi)
            lam = alpha / q.abs().mean().detach()
            actor_loss = -lam * q.mean() + F.mse_loss(pi, a)
            opt_actor.zero_grad()
            actor_loss.backward()
            opt_actor.step()
            polyak(((q1, t1), (q2, t2), (actor, actor_target)), tau)

    return update


def h2o():
    actor = mlp(obs_dim, 2 * act_dim)
    q1, q2 = mlp(obs_dim + act_dim, 1), mlp(obs_dim + act_dim, 1)
    t1, t2 = copy_of(q1), copy_of(q2)
    dsa, dsas = mlp(obs_dim + act_dim, 2), mlp(2 * obs_dim + act_dim, 2)
    log_alpha = torch.zeros(1, requires_grad=True)
    opt_actor = torch.optim.Adam(actor.parameters(), lr=lr)
    opt_q = torch.optim.Adam(list(q1.parameters()) + list(q2.parameters()), lr=lr)
    opt_alpha = torch.optim.Adam([log_alpha], lr=lr)
    opt_d = torch.optim.Adam(list(dsa.parameters()) + list(dsas.parameters()), lr=lr)
    target_entropy = -float(act_dim)
    half, disc_rows, k, beta = batch // 2, 256, 10, 0.01
    real = torch.cat([torch.randn(disc_rows, obs_dim), torch.rand(disc_rows, act_dim) * 2 - 1,
                      torch.randn(disc_rows, obs_dim)], 1)
    simulated = torch.cat([torch.randn(disc_rows, obs_dim), torch.rand(disc_rows, act_dim) * 2 - 1,
                           torch.randn(disc_rows, obs_dim)], 1)
    labels = torch.cat([torch.zeros(disc_rows, dtype=torch.long), torch.ones(disc_rows, dtype=torch.long)])
    o, na = obs_dim, act_dim

    def logits(x):
        l_sa = 2 * torch.tanh(dsa(x[:, :o + na]))
        return l_sa, 2 * torch.tanh(dsas(x)) + l_sa

    def real_over_sim(x):
        l_sa, l_sas = logits(x)
        p_sa, p_sas = F.softmax(l_sa, 1), F.softmax(l_sas, 1)
        return p_sas[:, 0] * p_sa[:, 1] / (p_sas[:, 1] * p_sa[:, 0])

    def update():
        x = torch.cat([real, simulated]) + 0.1 * torch.randn(2 * disc_rows, 2 * o + na)
        l_sa, l_sas = logits(x)
        d_loss = F.cross_entropy(l_sa, labels) + F.cross_entropy(l_sas, labels)
        opt_d.zero_grad()
        d_loss.backward()
        opt_d.step()
        sim_s, sim_a, sim_s2 = s[half:], a[half:], s2[half:]
        with torch.no_grad():
            ratio = real_over_sim(torch.cat([sim_s, sim_a, sim_s2], 1)).clamp(1e-5, 1.0)
            s2k = sim_s2.repeat_interleave(k, 0) + torch.randn(half * k, o)
            xk = torch.cat([sim_s.repeat_interleave(k, 0), sim_a.repeat_interleave(k, 0), s2k], 1)
            u = (-torch.log(real_over_sim(xk))).view(half, k).mean(1).clamp(1e-45, 10)
            log_omega = torch.log(u / u.sum())
            weight = ratio.sqrt()
        new_a, logp = tanh_gaussian(actor, s)
        alpha_loss = -(log_alpha * (logp + target_entropy).detach()).mean()
        alpha = log_alpha.exp()
        actor_loss = (alpha.detach() * logp - torch.min(q_of(q1, s, new_a), q_of(q2, s, new_a))).mean()
        with torch.no_grad():
            a2, _ = tanh_gaussian(actor, s2)
            y = r + gamma * (1 - d) * torch.min(q_of(t1, s2, a2), q_of(t2, s2, a2))
        q_loss = 0
        for q in (q1, q2):
            p = q_of(q, s, a)
            td = ((p[:half] - y[:half]) ** 2).mean() + ((weight * p[half:] - weight * y[half:]) ** 2).mean()
            gap = torch.logsumexp(p[half:] + log_omega, 0)
            q_loss = q_loss + td + beta * (gap - p[:half].mean()).clamp(-1000, 1000)
        steps((opt_alpha, alpha_loss), (opt_actor, actor_loss), (opt_q, q_loss))
        polyak(((q1, t1), (q2, t2)), tau)

    return update


builders = {"sac": lambda: sac_like(False), "cql": lambda: sac_like(True), "iql": iql, "td3bc": td3bc, "h2o": h2o}
if method not in builders:
    sys.exit("unknown method %r: expected one of %s" % (method, ", ".join(builders)))
update = builders[method]()
for _ in range(20):
    update()
n = 0
c0, t0 = time.process_time(), time.perf_counter()
while n < 3 or time.perf_counter() - t0 < seconds:
    update()
    n += 1
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"method": method, "threads": threads, "updates_per_s": n / wall, "cpu_s_per_update": cpu / n,
                  "torch": torch.__version__}))
