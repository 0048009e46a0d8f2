import torch

from nnref.optim.cyclic_schedules import cosine_annealing_lr, cosine_warm_restarts_lr

w = torch.zeros(1, requires_grad=True)
cosine_opt = torch.optim.SGD([w], lr=0.1)
cosine = torch.optim.lr_scheduler.CosineAnnealingLR(cosine_opt, T_max=30, eta_min=0.001)
sgdr_opt = torch.optim.SGD([w], lr=0.1)
sgdr = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(sgdr_opt, T_0=5, T_mult=2)

cosine_ok = sgdr_ok = True
for step in range(300):  # ten half-periods of the cosine, 5 restarts of SGDR
    ours = cosine_annealing_lr(step, base_lr=0.1, T_max=30, eta_min=0.001)
    cosine_ok &= abs(ours - cosine.get_last_lr()[0]) < 1e-12
    ours = cosine_warm_restarts_lr(step, base_lr=0.1, T_0=5, T_mult=2)
    sgdr_ok &= abs(ours - sgdr.get_last_lr()[0]) < 1e-12
    for optimizer, scheduler in ((cosine_opt, cosine), (sgdr_opt, sgdr)):
        optimizer.step()
        scheduler.step()

print("CosineAnnealingLR, 300 steps, recursive == closed form:", cosine_ok)
print("CosineAnnealingWarmRestarts, 300 steps, equal:", sgdr_ok)
