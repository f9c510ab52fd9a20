"""PyTorch reference of behaviour-cloning updates (CORL's BC): deterministic actor π(s) = tanh(f(s)), loss
mse(π(s), a) over all action entries, Adam."""
import torch
import torch.nn.functional as F

from common import Adam, Batch, export, export_grad, linear_stack, num, set_grads


def update(case):
    c = case["config"]
    actor = linear_stack(case["nets"]["actor"])
    opt = Adam(actor.parameters(), lr=c["lr"])
    results = []
    for upd in case["updates"]:
        b = Batch(upd["batch"]["offline"], c["obs_dim"], c["act_dim"])
        loss = F.mse_loss(torch.tanh(actor(b.s)), b.a)
        set_grads(loss, list(actor.parameters()))
        grads = {"actor": export_grad(actor)}
        opt.step()
        results.append({"losses": {"bc_loss": num(loss)}, "rows": {}, "grads": grads,
                        "after": {"actor": export(actor)}})
    return {"updates": results}
