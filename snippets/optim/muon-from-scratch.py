import torch

from nnref.optim import lockstep
from nnref.optim.muon import Muon, newton_schulz

torch.manual_seed(0)
start = [torch.randn(3, 2, dtype=torch.float64), torch.randn(2, 5, dtype=torch.float64)]

for options in ({}, {"lr": 0.02, "nesterov": False, "adjust_lr_fn": "match_rms_adamw"}):
    ours = [t.clone().requires_grad_() for t in start]
    theirs = [t.clone().requires_grad_() for t in start]
    mine, reference = Muon(ours, **options), torch.optim.Muon(theirs, **options)
    same = True
    for _ in lockstep(mine, reference, steps=25):
        same &= all(torch.equal(a, b) for a, b in zip(ours, theirs, strict=True))
    print(options or "defaults", "- equal to torch.optim.Muon:", same)

# Newton-Schulz of a 1 x n matrix keeps its direction and sets its length to about 0.7
row = torch.tensor([[3.0, 4.0]])
result = newton_schulz(row).float()
print("NS([[3, 4]]) =", result, " ratio to row / |row|:", result / (row / row.norm()))
