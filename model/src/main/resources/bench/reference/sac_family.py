"""PyTorch reference of one SAC-family update: SAC, CQL(H), COMBO, H2O (and its ablations), DARC/DARC+ and ORIS.

Written from the papers and H2O's authors' SAC (see README.md beside this file), not from the Java learners:
  * SAC (Haarnoja et al. 2018), as H2O's code runs it: tanh-Gaussian actor whose network outputs [μ, ℓ], log σ =
    clamp(m·ℓ + o, min, max) with trainable scalars m and o (stepped with the actor's Adam), a = tanh(μ + σ ε),
    log π from torch.distributions (Normal + TanhTransform); twin critics, target y = r + γ(1−done)·min(Q1', Q2')(s',
    a' ~ π(s')) without an entropy term (with − α log π(a'|s') when the config says backup_entropy); critic loss per critic mean (Q − y)²; actor loss mean(α log π − min(Q1, Q2)(s,
    π(s))); α loss −mean(log α·(log π + H̄)), H̄ = −|A|. All losses at the same (pre-update) parameters; steps α, actor,
    critics, then Polyak targets.
  * CQL(H) (Kumar et al. 2020, SAC-based reference code): per critic w·mean_s[T·logsumexp_j(x_j/T) − Q(s, a_data)],
    x = {Q(s, a_unif) − log 0.5^|A|, Q(s, a ~ π(s)) − log π(a|s), Q(s, a ~ π(s')) − log π(a|s')}, K samples each,
    sampled actions and densities detached.
  * COMBO (Yu et al. 2021, conservative policy evaluation of Section 4.1) on the learning batch d_f = offline rows then model rows: the same log-sum-exp
    estimate at the push-down states (the model rows; all rows with push_down_states "mix"), per critic
    β·(mean over push-down states of T·logsumexp − mean over offline rows of Q(s, a_data)); SAC losses on all rows.
  * H2O (Niu et al. 2022): discriminators D_sa(s,a), D_sas(s,a,s') → 2 logits, k·tanh(·); p_sa = softmax(D_sa),
    p_sas = softmax(D_sas + D_sa), index 0 = real; one cross-entropy step on their own real and simulated batches with
    N(0, σ²) input noise; then, with the updated discriminators, the dynamics ratio p_sas[real]·p_sa[sim] /
    (p_sas[sim]·p_sa[real]) clipped, its square root on Q and target of the simulated TD error; u(s,a) = mean over
    perturbed s' of log(P_sim/P_real), clipped; ω = u/Σu; per critic β·clip(T·logsumexp_sim((Q + log ω)/T) −
    mean_offline Q, ±c) (H2O(v): E_ω[Q] instead of the log-sum-exp).
  * DARC (Eysenbach et al. 2021): Δr = log p(real|s,a,s') − log p(sim|s,a,s') − log p(real|s,a) + log p(sim|s,a)
    added to the simulated rewards (same discriminators, trained as above); DARC+ also learns on the offline rows,
    one SAC batch of offline ∪ simulated rows.
  * ORIS: critic loss mean_off (Q − y)² + mean_sim w(s)(Q − y)², w(s) = clip(1 − 2D(s), w_min, w_max), D the frozen
    GAN discriminator σ(f((s − mean)/std)); actor and α losses over offline ∪ simulated states.
"""
import torch
import torch.nn.functional as F
from torch.distributions import Normal, TanhTransform, TransformedDistribution

from common import Adam, Batch, export, export_grad, linear_stack, num, scalar, set_grads, soft_update, tensor


def base_method(method):
    m = method.lower()
    if m.startswith("darc"):
        return m
    return m.split("-")[0]


class Policy:
    """Tanh-Gaussian policy with the log-std multiplier m and offset o: trainable (H2O's policy) when affine,
    else fixed at their initial values (the SAC paper's head log σ = ℓ when m = 1, o = 0)."""

    def __init__(self, net, m, o, act_dim, ls_min, ls_max, affine=True):
        self.net, self.m, self.o, self.act_dim, self.ls_min, self.ls_max = net, m, o, act_dim, ls_min, ls_max
        self.affine = affine

    def params(self):
        """Every parameter the actor loss has a gradient for (the gradients are compared even when m, o are fixed)."""
        return list(self.net.parameters()) + [self.m, self.o]

    def trainable(self):
        """The parameters the actor's optimiser steps."""
        return list(self.net.parameters()) + ([self.m, self.o] if self.affine else [])

    def sample(self, s, eps):
        """Reparameterised a = tanh(μ + σ ε) for the given ε, and log π(a|s)."""
        out = self.net(s)
        mu, ell = out[:, :self.act_dim], out[:, self.act_dim:]
        log_std = torch.clamp(self.m * ell + self.o, self.ls_min, self.ls_max)
        std = log_std.exp()
        tanh = TanhTransform(cache_size=1)
        dist = TransformedDistribution(Normal(mu, std), [tanh])
        u = mu + std * eps
        a = tanh(u)
        return a, dist.log_prob(a).sum(-1)


def q_of(net, s, a):
    return net(torch.cat([s, a], 1)).squeeze(-1)


class Discriminators:
    """H2O's D_sa and D_sas (also DARC's classifiers)."""

    def __init__(self, case, obs_dim, act_dim):
        c = case["config"]["discriminator"]
        self.dsa = linear_stack(case["nets"]["dsa"])
        self.dsas = linear_stack(case["nets"]["dsas"])
        self.k = c["output_scale"]
        self.noise_std = c["input_noise"]
        self.sa_learns_from_sas = c["dsa_learns_from_sas_loss"]
        self.opt = Adam(list(self.dsa.parameters()) + list(self.dsas.parameters()), lr=c["lr"])
        self.obs_dim, self.act_dim = obs_dim, act_dim

    def logits(self, s, a, s2, sa_into_sas=True):
        """Logits of p_sa and of p_sas = softmax(D_sas + D_sa)."""
        l_sa = self.k * torch.tanh(self.dsa(torch.cat([s, a], 1)))
        l_sas = self.k * torch.tanh(self.dsas(torch.cat([s, a, s2], 1)))
        return l_sa, l_sas + (l_sa if sa_into_sas else l_sa.detach())

    def train_step(self, real, sim, noise):
        """One cross-entropy step on noisy (s, a, s'); noise rows: real then sim, columns s, a, s'."""
        o, a = self.obs_dim, self.act_dim
        x = torch.cat([torch.cat([real.s, real.a, real.s2], 1), torch.cat([sim.s, sim.a, sim.s2], 1)])
        x = x + self.noise_std * noise
        l_sa, l_sas = self.logits(x[:, :o], x[:, o:o + a], x[:, o + a:], self.sa_learns_from_sas)
        nr = real.n
        lab_r = torch.zeros(nr, dtype=torch.long)
        lab_s = torch.ones(sim.n, dtype=torch.long)
        dsa_loss = F.cross_entropy(l_sa[:nr], lab_r) + F.cross_entropy(l_sa[nr:], lab_s)
        dsas_loss = F.cross_entropy(l_sas[:nr], lab_r) + F.cross_entropy(l_sas[nr:], lab_s)
        params = list(self.dsa.parameters()) + list(self.dsas.parameters())
        set_grads(dsa_loss + dsas_loss, params)
        grads = {"dsa": export_grad(self.dsa), "dsas": export_grad(self.dsas)}
        self.opt.step()
        return {"dsa_loss": num(dsa_loss), "dsas_loss": num(dsas_loss)}, grads

    def probs(self, s, a, s2):
        l_sa, l_sas = self.logits(s, a, s2)
        return F.softmax(l_sa, 1), F.softmax(l_sas, 1)

    def real_over_sim(self, s, a, s2):
        """P_real/P_sim(s'|s,a) = p_sas[real]·p_sa[sim] / (p_sas[sim]·p_sa[real])."""
        p_sa, p_sas = self.probs(s, a, s2)
        return p_sas[:, 0] * p_sa[:, 1] / (p_sas[:, 1] * p_sa[:, 0])


def update(case):
    c = case["config"]
    method = base_method(case["method"])
    obs_dim, act_dim = c["obs_dim"], c["act_dim"]
    nets = case["nets"]
    sc = case["scalars"]
    actor = linear_stack(nets["actor"])
    q = [linear_stack(nets["q1"]), linear_stack(nets["q2"])]
    qt = [linear_stack(nets["q1_target"]), linear_stack(nets["q2_target"])]
    log_alpha = scalar(sc["log_alpha"])
    policy = Policy(actor, scalar(sc["log_std_multiplier"]), scalar(sc["log_std_offset"]), act_dim,
                    c["log_std_min"], c["log_std_max"], c.get("log_std_affine", True))
    q_params = list(q[0].parameters()) + list(q[1].parameters())
    opt_alpha = Adam([log_alpha], lr=c["alpha_lr"])
    opt_actor = Adam(policy.trainable(), lr=c["actor_lr"])
    opt_q = Adam(q_params, lr=c["critic_lr"])
    disc = Discriminators(case, obs_dim, act_dim) if method in ("h2o", "darc", "darc+") else None
    target_entropy = c["target_entropy"] if c.get("target_entropy") is not None else -float(act_dim)
    gamma, tau = c["gamma"], c["tau"]

    results = []
    for upd in case["updates"]:
        bt, noise = upd["batch"], upd["noise"]
        off = Batch(bt.get("offline"), obs_dim, act_dim)
        sim = Batch(bt.get("simulated"), obs_dim, act_dim)
        b = Batch.cat(off, sim)
        n, n_off, n_sim = b.n, off.n, sim.n
        eps = tensor(noise["actor"], act_dim)
        losses, rows, grads = {}, {}, {}

        # 1. discriminators first (H2O, DARC), then per-row quantities with the updated discriminators
        if disc is not None:
            d_losses, d_grads = disc.train_step(Batch(bt["disc_real"], obs_dim, act_dim),
                                                Batch(bt["disc_sim"], obs_dim, act_dim), tensor(noise["disc"]))
            losses.update(d_losses)
            grads.update(d_grads)
        reward_corr = torch.zeros(n, dtype=torch.float64)
        sim_w = torch.ones(n_sim, dtype=torch.float64)
        omega = None
        with torch.no_grad():
            if method == "h2o":
                h = c["h2o"]
                ratio = disc.real_over_sim(sim.s, sim.a, sim.s2).clamp(h["ratio_min"], h["ratio_max"])
                rows["dynamics_ratio"] = ratio.tolist()
                if h["dynamics_ratio"]:
                    sim_w = ratio
                if h["regularisation"]:
                    if h["adaptive_weights"]:
                        k = h["next_state_samples"]
                        std = tensor(c["state_std"])
                        s2k = sim.s2.repeat_interleave(k, 0) + tensor(noise["u"], obs_dim) * std * h["next_state_noise"]
                        log_sim_over_real = -torch.log(disc.real_over_sim(sim.s.repeat_interleave(k, 0),
                                                                          sim.a.repeat_interleave(k, 0), s2k))
                        u = log_sim_over_real.reshape(n_sim, k).mean(1).clamp(h["u_min"], h["u_max"])
                        rows["u"] = u.tolist()
                    else:
                        u = torch.ones(n_sim, dtype=torch.float64)
                    omega = u / u.sum()
                    rows["omega"] = omega.tolist()
            elif method in ("darc", "darc+"):
                p_sa, p_sas = disc.probs(sim.s, sim.a, sim.s2)
                dr = torch.log(p_sas[:, 0]) - torch.log(p_sas[:, 1]) - torch.log(p_sa[:, 0]) + torch.log(p_sa[:, 1])
                reward_corr[n_off:] = dr
                rows["reward_correction"] = dr.tolist()
            elif method == "oris":
                o = c["oris"]
                gan_d = linear_stack(nets["gan_d"])
                d = torch.sigmoid(gan_d((sim.s - tensor(c["gan"]["mean"])) / tensor(c["gan"]["std"]))).squeeze(-1)
                sim_w = (1 - 2 * d).clamp(o["w_min"], o["w_max"])
                rows["sim_weight"] = sim_w.tolist()

        # 2. SAC losses at the current parameters
        a_pi, logp = policy.sample(b.s, eps[:n])
        with torch.no_grad():
            a2, logp2 = policy.sample(b.s2, eps[n:])
            q_next = torch.min(q_of(qt[0], b.s2, a2), q_of(qt[1], b.s2, a2))
            if c.get("backup_entropy"):
                q_next = q_next - log_alpha.exp() * logp2
            y = b.r + reward_corr + gamma * (1 - b.d) * q_next
        if method in ("cql", "combo"):
            cq = c["cql"]
            kk = cq["sampled_actions"]
            # push-down states: every row (CQL, COMBO "mix") or the model rows (COMBO "model": the paper's rho)
            lo = n_off if method == "combo" and c["combo"]["push_down_states"] == "model" else 0
            nd = n - lo
            with torch.no_grad():
                rep = tensor(noise["cql_policy"], act_dim)
                a_cur, lp_cur = policy.sample(b.s[lo:].repeat_interleave(kk, 0), rep[:nd * kk])
                a_nxt, lp_nxt = policy.sample(b.s2[lo:].repeat_interleave(kk, 0), rep[nd * kk:])
                a_unif = tensor(noise["cql_uniform"], act_dim)
        critic_loss = 0
        for k in range(2):
            qd = q_of(q[k], b.s, b.a)
            if method in ("h2o", "oris"):
                # mean over offline rows + weighted mean over simulated rows (√w on prediction and target)
                td = ((qd[:n_off] - y[:n_off]) ** 2).mean() if n_off else 0
                sw = sim_w.sqrt()
                td = td + ((sw * qd[n_off:] - sw * y[n_off:]) ** 2).mean() if n_sim else td
            else:
                td = ((qd - y) ** 2).mean()
            losses["q%d_td_loss" % (k + 1)] = num(td)
            reg = 0
            if method == "h2o" and c["h2o"]["regularisation"] and n_off and n_sim:
                h = c["h2o"]
                if h["expectation_variant"]:
                    gap = (omega * qd[n_off:]).sum()
                else:
                    t = h["temperature"]
                    gap = t * torch.logsumexp((qd[n_off:] + torch.log(omega)) / t, 0)
                reg = h["beta"] * torch.clamp(gap - qd[:n_off].mean(), -h["clip_diff"], h["clip_diff"])
                losses["q%d_reg_loss" % (k + 1)] = num(reg)
            elif method in ("cql", "combo"):
                s_rep = b.s[lo:].repeat_interleave(kk, 0)
                q_u = q_of(q[k], s_rep, a_unif).reshape(nd, kk)
                q_c = q_of(q[k], s_rep, a_cur).reshape(nd, kk)
                q_n = q_of(q[k], s_rep, a_nxt).reshape(nd, kk)
                if cq["importance_sampling"]:
                    random_density = act_dim * torch.log(torch.tensor(0.5, dtype=torch.float64))
                    cat = torch.cat([q_u - random_density, q_c - lp_cur.reshape(nd, kk), q_n - lp_nxt.reshape(nd, kk)], 1)
                else:
                    cat = torch.cat([q_u, qd[lo:].unsqueeze(1), q_c, q_n], 1)
                t = cq["temperature"]
                lse = t * torch.logsumexp(cat / t, 1)
                if method == "cql":
                    diff = lse - qd
                    reg = cq["min_q_weight"] * torch.clamp(diff, -cq["clip_diff"], cq["clip_diff"]).mean()
                else:
                    # COMBO conservative policy evaluation: beta * (E_rho[Q] - E_D[Q]), pushed down at the push-down states, up at dataset (s, a)
                    reg = c["combo"]["beta"] * (lse.mean() - qd[:n_off].mean())
                losses["q%d_reg_loss" % (k + 1)] = num(reg)
                losses["%s_q%d_loss" % (method, k + 1)] = num(reg)
            critic_loss = critic_loss + td + reg
        q_pi = torch.min(q_of(q[0], b.s, a_pi), q_of(q[1], b.s, a_pi))
        alpha = log_alpha.exp().detach()
        actor_loss = (alpha * logp - q_pi).mean()
        alpha_loss = -(log_alpha * (logp + target_entropy).detach()).mean()
        losses.update({"critic_loss": num(critic_loss), "actor_loss": num(actor_loss), "alpha_loss": num(alpha_loss),
                       "log_pi": num(logp.mean()), "target_q_mean": num(y.mean())})

        # 3. gradients, then the steps: α, actor (with m and o), critics, targets
        set_grads(alpha_loss, [log_alpha])
        set_grads(actor_loss, policy.params())
        set_grads(critic_loss, q_params)
        grads.update({"actor": export_grad(actor), "q1": export_grad(q[0]), "q2": export_grad(q[1]),
                      "log_alpha": num(log_alpha.grad), "log_std_multiplier": num(policy.m.grad),
                      "log_std_offset": num(policy.o.grad)})
        if c["auto_alpha"]:
            opt_alpha.step()
        opt_actor.step()
        opt_q.step()
        for k in range(2):
            soft_update(q[k], qt[k], tau)
        after = {"actor": export(actor), "q1": export(q[0]), "q2": export(q[1]), "q1_target": export(qt[0]),
                 "q2_target": export(qt[1]), "log_alpha": num(log_alpha), "log_std_multiplier": num(policy.m),
                 "log_std_offset": num(policy.o)}
        if disc is not None:
            after.update({"dsa": export(disc.dsa), "dsas": export(disc.dsas)})
        results.append({"losses": losses, "rows": rows, "grads": grads, "after": after})
    return {"updates": results}
