import torch

from nnref.optim import lockstep
from nnref.optim.lbfgs import LBFGS

torch.manual_seed(0)
start = [torch.randn(3, 2, dtype=torch.float64), torch.randn(4, dtype=torch.float64)]

for options in ({}, {"line_search_fn": "strong_wolfe", "history_size": 5}):
    ours = [t.clone().requires_grad_() for t in start]
    theirs = [t.clone().requires_grad_() for t in start]
    mine, reference = LBFGS(ours, **options), torch.optim.LBFGS(theirs, **options)
    same = True
    for _ in lockstep(mine, reference, steps=10):  # 10 steps, up to 20 iterations each
        same &= all(torch.equal(a, b) for a, b in zip(ours, theirs, strict=True))
        same &= mine.state[0]["func_evals"] == reference.state[theirs[0]]["func_evals"]
    print(options or "defaults", "- equal to torch.optim.LBFGS:", same)
    print("   iterations:", mine.state[0]["n_iter"], " evaluations:", mine.state[0]["func_evals"])
