import warnings

import torch
from torch.optim.lr_scheduler import StepLR


def used_rates(scheduler_first):
    param = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([param], lr=0.1)
    scheduler = StepLR(optimizer, step_size=1, gamma=0.5)
    used = []
    for _ in range(3):
        if scheduler_first:
            scheduler.step()  # wrong: before optimizer.step()
        used.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        if not scheduler_first:
            scheduler.step()
    return used


print("optimizer, then scheduler:", used_rates(scheduler_first=False))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("scheduler, then optimizer:", used_rates(scheduler_first=True))
print("warning:", str(caught[0].message)[:64] + "...")
