"""Shared pieces of the PyTorch reference updates (see README.md beside this file).

Networks are plain torch.nn MLPs (nn.Linear layers, ReLU between them, linear output) loaded from the exported
weights: an exported layer is {"W": [in][out], "b": [out]} and maps x to x @ W + b, i.e. nn.Linear with
weight = W^T and bias = b. Everything runs in float64 on the CPU.
"""
import math

import torch
from torch import nn

DT = torch.float64


def tensor(x, cols=None):
    """A float64 tensor from nested lists; with ``cols`` a [rows, cols] matrix even when there are no rows."""
    t = torch.tensor(x, dtype=DT)
    return t.reshape(-1, cols) if cols is not None else t


def linear_stack(layers):
    """nn.Sequential(Linear, ReLU, ..., Linear) holding the exported weights."""
    mods = []
    for i, layer in enumerate(layers):
        w = tensor(layer["W"])
        b = tensor(layer["b"])
        lin = nn.Linear(w.shape[0], w.shape[1]).to(DT)
        with torch.no_grad():
            lin.weight.copy_(w.T)
            lin.bias.copy_(b)
        mods.append(lin)
        if i < len(layers) - 1:
            mods.append(nn.ReLU())
    return nn.Sequential(*mods)


def linears(net):
    return [m for m in net if isinstance(m, nn.Linear)]


def export(net):
    """The network's weights in the exchange layout."""
    return [{"W": lin.weight.detach().T.tolist(), "b": lin.bias.detach().tolist()} for lin in linears(net)]


def export_grad(net):
    """The gradients held in .grad, in the exchange layout (zero where autograd produced none)."""
    out = []
    for lin in linears(net):
        gw = lin.weight.grad if lin.weight.grad is not None else torch.zeros_like(lin.weight)
        gb = lin.bias.grad if lin.bias.grad is not None else torch.zeros_like(lin.bias)
        out.append({"W": gw.T.tolist(), "b": gb.tolist()})
    return out


def scalar(x):
    """A trainable float64 scalar parameter."""
    return nn.Parameter(torch.tensor(float(x), dtype=DT))


def set_grads(loss, params):
    """Stores d loss / d params in each parameter's .grad (zeros where the loss does not depend on it)."""
    grads = torch.autograd.grad(loss, params, retain_graph=True, allow_unused=True)
    for p, g in zip(params, grads):
        p.grad = torch.zeros_like(p) if g is None else g.detach().clone()


def soft_update(net, target, tau):
    """Polyak averaging θ' ← τ θ + (1 − τ) θ'."""
    with torch.no_grad():
        for p, t in zip(net.parameters(), target.parameters()):
            t.copy_(tau * p + (1 - tau) * t)


class Adam(torch.optim.Adam):
    """torch.optim.Adam with ε where libnd4j (and the Java learners) put it.

    libnd4j steps by lr·√(1−β2ᵗ)/(1−β1ᵗ)·m/(√v + ε); PyTorch by lr/(1−β1ᵗ)·m/(√v/√(1−β2ᵗ) + ε'). The two are the
    same rule when ε' = ε/√(1−β2ᵗ), so this class sets that ε' before each step and lets PyTorch do the rest. (With
    PyTorch's own ε placement the first step differs by up to ~70 % of lr on entries whose gradient is ~1e-7, where
    ε matters; elsewhere the two agree to ~1e-8 relative.)
    """

    def __init__(self, params, lr, betas=(0.9, 0.999), eps=1e-8):
        super().__init__(params, lr=lr, betas=betas, eps=eps)
        self.libnd4j_eps = eps
        self.t = 0

    def step(self, closure=None):
        self.t += 1
        for g in self.param_groups:
            g["eps"] = self.libnd4j_eps / math.sqrt(1 - g["betas"][1] ** self.t)
        return super().step(closure)


class Batch:
    """Transitions (s, a, r, s', done) as float64 tensors; an absent or empty batch has zero rows."""

    def __init__(self, b, obs_dim, act_dim):
        b = b or {"obs": [], "act": [], "rew": [], "next": [], "done": []}
        self.s = tensor(b["obs"], obs_dim)
        self.a = tensor(b["act"], act_dim)
        self.r = tensor(b["rew"]).reshape(-1)
        self.s2 = tensor(b["next"], obs_dim)
        self.d = tensor(b["done"]).reshape(-1)
        self.n = self.s.shape[0]

    @staticmethod
    def cat(x, y):
        z = Batch(None, x.s.shape[1], x.a.shape[1])
        z.s, z.a, z.r = torch.cat([x.s, y.s]), torch.cat([x.a, y.a]), torch.cat([x.r, y.r])
        z.s2, z.d = torch.cat([x.s2, y.s2]), torch.cat([x.d, y.d])
        z.n = x.n + y.n
        return z


def num(x):
    """A Python float from a 0-d tensor or number."""
    return float(x.detach()) if torch.is_tensor(x) else float(x)
