import torch

from nnref.optim import lockstep
from nnref.optim.adamax import Adamax

torch.manual_seed(0)
start = [torch.randn(3, 2, dtype=torch.float64), torch.randn(4, dtype=torch.float64)]

for options in [
    {},
    {"lr": 0.05, "weight_decay": 0.1},
    {"lr": 0.05, "betas": (0.5, 0.9), "eps": 0.5},
    {"lr": 0.05, "maximize": True},
]:
    ours = [t.clone().requires_grad_() for t in start]
    theirs = [t.clone().requires_grad_() for t in start]
    optimizer_ours = Adamax(ours, **options)
    optimizer_theirs = torch.optim.Adamax(theirs, **options)
    equal = True
    for _ in lockstep(optimizer_ours, optimizer_theirs, steps=25):
        for index, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            state_ours, state_theirs = optimizer_ours.state[index], optimizer_theirs.state[b]
            equal &= torch.allclose(a, b)
            for key in ("exp_avg", "exp_inf"):
                equal &= torch.allclose(state_ours[key], state_theirs[key])
    described = ", ".join(f"{key}={value}" for key, value in options.items()) or "defaults"
    print(f"{described:42} equal for 25 steps: {equal}")
