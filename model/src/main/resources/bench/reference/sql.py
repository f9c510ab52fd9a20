"""PyTorch reference of SQL updates (Xu et al., ICLR 2023, sparse Q-learning), in the order of the authors' code.

Same networks as iql.py: Gaussian actor with mean tanh(f(s)) and a state-independent log std (trainable vector
"actor_log_std", clamped to [log_std_min, log_std_max]), twin critics with Polyak targets, value net V. Per update:
  1. q_bar = min(Q1', Q2')(s, a) (target critics); z = 1 + (q_bar − V(s)) / (2α);
     value loss mean(1(z > 0)·z² + V(s)/α); V steps;
  2. with the stepped V: y = r·reward_scale + γ(1 − done)·V(s') (detached); critic loss (mse(Q1, y) + mse(Q2, y))/2;
  3. with the stepped V: w = clip(max(0, z_new), 0, max_weight) for weight "sparse" (z_new = 1 + (q_bar − V(s))/(2α)),
     or clip(max(0, q_bar − V(s)), 0, max_weight) for "advantage"; actor loss −mean(w·log π(a|s));
  4. critics and actor step, then Polyak τ on the targets.
Gradients of 2 and 3 are taken at the stepped V, those of 1 at the V before the update.
"""
import torch
import torch.nn.functional as F
from torch import nn
from torch.distributions import Normal

from common import Adam, Batch, export, export_grad, linear_stack, num, set_grads, soft_update, tensor


def update(case):
    c = case["config"]
    obs_dim, act_dim = c["obs_dim"], c["act_dim"]
    alpha = c["alpha"]
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
    scale = c.get("reward_scale", 1.0)

    def q_of(net, s, a):
        return net(torch.cat([s, a], 1)).squeeze(-1)

    results = []
    for upd in case["updates"]:
        b = Batch(upd["batch"]["offline"], obs_dim, act_dim)
        r = b.r * scale
        with torch.no_grad():
            q_bar = torch.min(q_of(qt[0], b.s, b.a), q_of(qt[1], b.s, b.a))
        # 1. sparse value objective
        vs = v(b.s).squeeze(-1)
        z = 1 + (q_bar - vs) / (2 * alpha)
        value_loss = ((z > 0).to(torch.float64) * z ** 2 + vs / alpha).mean()
        set_grads(value_loss, list(v.parameters()))
        grad_v = export_grad(v)
        active = float((z > 0).to(torch.float64).mean())
        adv_mean = num((q_bar - vs).mean())
        opt_v.step()
        # 2. critics on the stepped V
        with torch.no_grad():
            next_v = v(b.s2).squeeze(-1)
            v_new = v(b.s).squeeze(-1)
        y = r + (1 - b.d) * c["gamma"] * next_v
        critic_loss = (F.mse_loss(q_of(q[0], b.s, b.a), y) + F.mse_loss(q_of(q[1], b.s, b.a), y)) / 2
        # 3. weighted-regression policy extraction
        if c["actor_weight"] == "sparse":
            w = torch.clamp(1 + (q_bar - v_new) / (2 * alpha), min=0.0)
        else:
            w = torch.clamp(q_bar - v_new, min=0.0)
        w = torch.clamp(w, max=c["max_weight"])
        mean = torch.tanh(actor(b.s))
        std = torch.exp(log_std.clamp(c["log_std_min"], c["log_std_max"]))
        log_pi = Normal(mean, std).log_prob(b.a).sum(-1)
        actor_loss = -(w * log_pi).mean()
        losses = {"value_loss": num(value_loss), "critic_loss": num(critic_loss), "actor_loss": num(actor_loss),
                  "advantage_mean": adv_mean, "sparse_active_fraction": active, "actor_weight_mean": num(w.mean())}
        set_grads(critic_loss, q_params)
        set_grads(actor_loss, actor_params)
        grads = {"value": grad_v, "q1": export_grad(q[0]), "q2": export_grad(q[1]),
                 "actor": export_grad(actor), "actor_log_std": log_std.grad.tolist()}
        opt_q.step()
        opt_actor.step()
        for k in range(2):
            soft_update(q[k], qt[k], c["tau"])
        after = {"actor": export(actor), "actor_log_std": log_std.detach().tolist(), "value": export(v),
                 "q1": export(q[0]), "q2": export(q[1]), "q1_target": export(qt[0]), "q2_target": export(qt[1])}
        results.append({"losses": losses, "rows": {}, "grads": grads, "after": after})
    return {"updates": results}
