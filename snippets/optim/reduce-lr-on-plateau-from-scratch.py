import random

import torch

from nnref.optim.plateau import ReduceLROnPlateau

random.seed(0)
metrics = [1 / (1 + 0.05 * t) + random.uniform(0, 0.03) for t in range(500)]
options = dict(factor=0.5, patience=3, threshold=1e-3, cooldown=2, min_lr=1e-4)

w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
theirs = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, **options)
ours = ReduceLROnPlateau(0.1, **options)

same, reductions = True, 0
for metric in metrics:
    before = ours.lrs[0]
    theirs.step(metric)
    ours.step(metric)
    reductions += ours.lrs[0] < before
    same &= ours.lrs == theirs.get_last_lr()
    same &= (ours.best, ours.num_bad_epochs, ours.cooldown_counter) == (
        theirs.best,
        theirs.num_bad_epochs,
        theirs.cooldown_counter,
    )

print("500 epochs, same lr and state at every epoch:", same)
print("reductions:", reductions, " final lr:", ours.lrs[0])
