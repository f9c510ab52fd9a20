"""PyTorch reference of IQL updates (Kostrikov et al. 2021), as CORL's iql.py runs them.

Gaussian actor with a state-independent log std: mean = tanh(f(s)), σ = exp(clamp(log_std, −20, 2)) (the vector
"actor_log_std", a trainable parameter of the actor), log π(a|s) the diagonal Gaussian density of the data action
(no tanh correction). Twin critics with Polyak targets, value net V. Per update, all at the pre-update parameters:
rewards r·reward_scale + reward_shift (config, default 1 and 0: CORL rescales D4RL rewards before training);
adv = min(Q1', Q2')(s, a) − V(s); value loss mean(|τ − 1(adv < 0)|·adv²); y = r + γ(1 − done)·V(s') (detached);
critic loss (mse(Q1, y) + mse(Q2, y))/2; actor loss mean(min(exp(β·adv), max_weight)·(−log π(a|s))); steps V, Q
(then Polyak τ on the targets) and actor; the actor's learning rate follows CORL's cosine schedule over
"actor_lr_steps" updates (config, optional; the first update always uses the initial rate).
"""
import torch
import torch.nn.functional as F
from torch import nn
from torch.distributions import Normal

from common import Adam, Batch, export, export_grad, linear_stack, num, set_grads, soft_update, tensor


def update(case):
    c = case["config"]
    obs_dim, act_dim = c["obs_dim"], c["act_dim"]
    nets = case["nets"]
    actor = linear_stack(nets["actor"])
    log_std = nn.Parameter(tensor(case["vectors"]["actor_log_std"]))
    q = [linear_stack(nets["q1"]), linear_stack(nets["q2"])]
    qt = [linear_stack(nets["q1_target"]), linear_stack(nets["q2_target"])]
    v = linear_stack(nets["value"])
    q_params = list(q[0].parameters()) + list(q[1].parameters())
    actor_params = list(actor.parameters()) + [log_std]
    opt_actor = Adam(actor_params, lr=c["actor_lr"])
    opt_q = Adam(q_params, lr=c["critic_lr"])
    opt_v = Adam(v.parameters(), lr=c["value_lr"])
    sched = (torch.optim.lr_scheduler.CosineAnnealingLR(opt_actor, c["actor_lr_steps"])
             if c.get("actor_lr_steps") else None)
    scale, shift = c.get("reward_scale", 1.0), c.get("reward_shift", 0.0)

    def q_of(net, s, a):
        return net(torch.cat([s, a], 1)).squeeze(-1)

    results = []
    for upd in case["updates"]:
        b = Batch(upd["batch"]["offline"], obs_dim, act_dim)
        r = b.r * scale + shift
        with torch.no_grad():
            target_q = torch.min(q_of(qt[0], b.s, b.a), q_of(qt[1], b.s, b.a))
            next_v = v(b.s2).squeeze(-1)
        vs = v(b.s).squeeze(-1)
        adv = target_q - vs
        value_loss = (torch.abs(c["expectile"] - (adv < 0).to(torch.float64)) * adv ** 2).mean()
        y = r + (1 - b.d) * c["gamma"] * next_v
        critic_loss = (F.mse_loss(q_of(q[0], b.s, b.a), y) + F.mse_loss(q_of(q[1], b.s, b.a), y)) / 2
        weight = torch.exp(c["beta"] * adv.detach()).clamp(max=c["max_weight"])
        mean = torch.tanh(actor(b.s))
        std = torch.exp(log_std.clamp(-20.0, 2.0))
        log_pi = Normal(mean, std).log_prob(b.a).sum(-1)
        actor_loss = (weight * -log_pi).mean()
        losses = {"value_loss": num(value_loss), "critic_loss": num(critic_loss), "actor_loss": num(actor_loss),
                  "advantage_mean": num(adv.mean())}
        set_grads(value_loss, list(v.parameters()))
        set_grads(critic_loss, q_params)
        set_grads(actor_loss, actor_params)
        grads = {"value": export_grad(v), "q1": export_grad(q[0]), "q2": export_grad(q[1]),
                 "actor": export_grad(actor), "actor_log_std": log_std.grad.tolist()}
        opt_v.step()
        opt_q.step()
        for k in range(2):
            soft_update(q[k], qt[k], c["tau"])
        opt_actor.step()
        if sched is not None:
            sched.step()
        after = {"actor": export(actor), "actor_log_std": log_std.detach().tolist(), "value": export(v),
                 "q1": export(q[0]), "q2": export(q[1]), "q1_target": export(qt[0]), "q2_target": export(qt[1])}
        results.append({"losses": losses, "rows": {}, "grads": grads, "after": after})
    return {"updates": results}
