import torch

from nnref.optim import lockstep
from nnref.optim.nadam import NAdam

torch.manual_seed(0)
start = [torch.randn(3, 2, dtype=torch.float64), torch.randn(4, dtype=torch.float64)]
ours = [t.clone().requires_grad_() for t in start]
theirs = [t.clone().requires_grad_() for t in start]
options = dict(lr=0.05, weight_decay=0.01, decoupled_weight_decay=True)
optimizer_ours = NAdam(ours, **options)
optimizer_theirs = torch.optim.NAdam(theirs, **options)

equal = True
for _ in lockstep(optimizer_ours, optimizer_theirs, steps=25):  # a new minibatch loss per step
    for index, (a, b) in enumerate(zip(ours, theirs, strict=True)):
        state = optimizer_theirs.state[b]
        equal &= torch.allclose(a, b)
        equal &= torch.allclose(optimizer_ours.state[index]["exp_avg"], state["exp_avg"])
        equal &= torch.allclose(optimizer_ours.state[index]["exp_avg_sq"], state["exp_avg_sq"])
        equal &= float(optimizer_ours.state[index]["mu_product"]) == float(state["mu_product"])

print("25 steps, parameters and state equal to torch.optim.NAdam:", equal)
