"""PyTorch reference of TD3+BC updates (Fujimoto and Gu 2021), as the authors' TD3_BC.py runs them.

States (s and s') are normalised by the dataset's mean and std: (s − mean)/(std + 1e-3) (config "state_mean" and
"state_std"; without them the batch is taken as already normalised). Actor π(s) = max_action·tanh(f(s)), twin
critics. Each update: target a' = clip(π'(s') + clip(σ ε, ±c), ±max_action) with the given σ ε ("smoothing"),
y = r + γ(1 − done)·min(Q1', Q2')(s', a'); critic loss mse(Q1, y) + mse(Q2, y); critic step. Every policy_freq-th
update (counting from 1, as total_it in the authors' code), after the critic step: λ = α / mean|Q1(s, π(s))|
(detached), actor loss −λ·mean Q1(s, π(s)) + mse(π(s), a), actor step, then Polyak τ on critics and actor targets.
"""
import torch
import torch.nn.functional as F

from common import Adam, Batch, export, export_grad, linear_stack, num, set_grads, soft_update, tensor


def update(case):
    c = case["config"]
    obs_dim, act_dim = c["obs_dim"], c["act_dim"]
    nets = case["nets"]
    actor, actor_t = linear_stack(nets["actor"]), linear_stack(nets["actor_target"])
    q = [linear_stack(nets["q1"]), linear_stack(nets["q2"])]
    qt = [linear_stack(nets["q1_target"]), linear_stack(nets["q2_target"])]
    q_params = list(q[0].parameters()) + list(q[1].parameters())
    opt_actor = Adam(actor.parameters(), lr=c["actor_lr"])
    opt_q = Adam(q_params, lr=c["critic_lr"])
    max_action = c.get("max_action", 1.0)
    mean = tensor(c["state_mean"]) if c.get("state_mean") is not None else None
    std = tensor(c["state_std"]) + 1e-3 if c.get("state_std") is not None else None
    it = c.get("start_step", 0)

    def pi(net, s):
        return max_action * torch.tanh(net(s))

    def q_of(net, s, a):
        return net(torch.cat([s, a], 1)).squeeze(-1)

    results = []
    for upd in case["updates"]:
        it += 1
        b = Batch(upd["batch"]["offline"], obs_dim, act_dim)
        s, s2 = b.s, b.s2
        if mean is not None:
            s, s2 = (s - mean) / std, (s2 - mean) / std
        losses, grads = {}, {}
        with torch.no_grad():
            noise = tensor(upd["noise"]["smoothing"], act_dim).clamp(-c["noise_clip"], c["noise_clip"])
            a2 = (pi(actor_t, s2) + noise).clamp(-max_action, max_action)
            y = b.r + (1 - b.d) * c["gamma"] * torch.min(q_of(qt[0], s2, a2), q_of(qt[1], s2, a2))
        critic_loss = F.mse_loss(q_of(q[0], s, b.a), y) + F.mse_loss(q_of(q[1], s, b.a), y)
        losses["critic_loss"] = num(critic_loss)
        set_grads(critic_loss, q_params)
        grads.update({"q1": export_grad(q[0]), "q2": export_grad(q[1])})
        opt_q.step()
        if it % c["policy_freq"] == 0:
            p = pi(actor, s)
            q1_pi = q_of(q[0], s, p)
            lam = c["alpha"] / q1_pi.abs().mean().detach()
            bc = F.mse_loss(p, b.a)
            actor_loss = -lam * q1_pi.mean() + bc
            losses.update({"actor_loss": num(actor_loss), "bc_loss": num(bc), "lambda": num(lam)})
            set_grads(actor_loss, list(actor.parameters()))
            grads["actor"] = export_grad(actor)
            opt_actor.step()
            for k in range(2):
                soft_update(q[k], qt[k], c["tau"])
            soft_update(actor, actor_t, c["tau"])
        after = {"actor": export(actor), "actor_target": export(actor_t), "q1": export(q[0]), "q2": export(q[1]),
                 "q1_target": export(qt[0]), "q2_target": export(qt[1])}
        results.append({"losses": losses, "rows": {}, "grads": grads, "after": after})
    return {"updates": results}
