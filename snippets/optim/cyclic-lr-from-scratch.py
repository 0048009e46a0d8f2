import torch

from nnref.optim.cyclic_schedules import (
    cyclic_lr,
    cyclic_momentum,
    one_cycle_lr,
    one_cycle_momentum,
)

w = torch.zeros(1, requires_grad=True)
clr_opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
clr = torch.optim.lr_scheduler.CyclicLR(
    clr_opt, 0.001, 0.1, step_size_up=20, step_size_down=30, mode="exp_range", gamma=0.995
)
one_opt = torch.optim.Adam([w])  # OneCycleLR cycles Adam's beta1
one = torch.optim.lr_scheduler.OneCycleLR(one_opt, max_lr=0.01, total_steps=200)

clr_ok = one_ok = True
for step in range(200):
    group = clr_opt.param_groups[0]
    options = dict(step_size_up=20, step_size_down=30, mode="exp_range", gamma=0.995)
    clr_ok &= abs(cyclic_lr(step, 0.001, 0.1, **options) - group["lr"]) < 1e-12
    clr_ok &= abs(cyclic_momentum(step, 0.8, 0.9, **options) - group["momentum"]) < 1e-12
    group = one_opt.param_groups[0]
    one_ok &= abs(one_cycle_lr(step, 0.01, total_steps=200) - group["lr"]) < 1e-12
    one_ok &= abs(one_cycle_momentum(step, total_steps=200) - group["betas"][0]) < 1e-12
    for optimizer, scheduler in ((clr_opt, clr), (one_opt, one)):
        optimizer.step()
        scheduler.step()

print("CyclicLR lr and momentum, 200 steps, equal:", clr_ok)
print("OneCycleLR lr and beta1, 200 steps, equal:", one_ok)
