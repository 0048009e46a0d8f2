import torch

from nnref.optim import lockstep
from nnref.optim.asgd import ASGD

torch.manual_seed(0)
start = [torch.randn(3, 2, dtype=torch.float64), torch.randn(4, dtype=torch.float64)]

for options in ({}, dict(lr=0.05, t0=5, lambd=0.1, alpha=0.5, weight_decay=0.01)):
    ours = [p.clone().requires_grad_() for p in start]
    theirs = [p.clone().requires_grad_() for p in start]
    optimizers = ASGD(ours, **options), torch.optim.ASGD(theirs, **options)
    same = True
    for _ in lockstep(*optimizers, steps=25):
        for index, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            mine, torchs = optimizers[0].state[index], optimizers[1].state[b]
            same &= torch.equal(a, b) and torch.equal(mine["ax"], torchs["ax"])
            same &= all(float(mine[k]) == float(torchs[k]) for k in ("step", "eta", "mu"))
    print(options or "defaults", "-> 25 steps identical to torch.optim.ASGD:", same)
