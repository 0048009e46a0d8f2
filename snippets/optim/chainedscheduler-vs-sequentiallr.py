import torch
from torch.optim.lr_scheduler import ChainedScheduler, ExponentialLR, LinearLR, SequentialLR


def run(combine, steps=8):
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    warmup = LinearLR(optimizer, start_factor=0.25, total_iters=4)
    decay = ExponentialLR(optimizer, gamma=0.5)
    scheduler = combine(optimizer, warmup, decay)
    lrs = []
    for _ in range(steps):
        lrs.append(round(scheduler.get_last_lr()[0], 5))
        optimizer.step()
        scheduler.step()
    return lrs


# One after the other: warm up for 4 steps, then decay from the full rate.
print("SequentialLR    :", run(lambda o, w, d: SequentialLR(o, [w, d], milestones=[4])))
# Both at once: the decay already runs during the warm-up.
print("ChainedScheduler:", run(lambda o, w, d: ChainedScheduler([w, d])))
