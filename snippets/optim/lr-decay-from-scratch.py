import torch
from torch.optim import lr_scheduler

from nnref.optim import schedules

configs = [
    ("StepLR", schedules.step_lr, {"step_size": 30, "gamma": 0.5}),
    ("MultiStepLR", schedules.multistep_lr, {"milestones": [30, 80], "gamma": 0.1}),
    ("ExponentialLR", schedules.exponential_lr, {"gamma": 0.97}),
    ("ConstantLR", schedules.constant_lr, {"factor": 0.5, "total_iters": 40}),
    ("LinearLR", schedules.linear_lr, {"start_factor": 0.25, "total_iters": 40}),
    ("PolynomialLR", schedules.polynomial_lr, {"total_iters": 80, "power": 2.0}),
]
for name, ours, kwargs in configs:
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    scheduler = getattr(lr_scheduler, name)(optimizer, **kwargs)
    theirs = schedules.record_lrs(scheduler, steps=150)
    mine = [ours(t, 0.1, **kwargs) for t in range(150)]
    same = torch.allclose(torch.tensor(mine), torch.tensor(theirs), rtol=1e-12, atol=1e-15)
    print(f"{name:13s} equal to torch at all 150 steps: {same}")
