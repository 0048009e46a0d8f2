import torch
from torch.optim.lr_scheduler import CosineAnnealingLR, LinearLR, SequentialLR

from nnref.optim.schedules import record_lrs, warmup_cosine_lr

for warmup, total, start, eta_min in [
    (10, 100, 0.01, 0.0),
    (5, 60, 1 / 3, 1e-4),
    (30, 130, 0.1, 1e-3),
]:
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    torch_scheduler = SequentialLR(
        optimizer,
        [
            LinearLR(optimizer, start_factor=start, total_iters=warmup),
            CosineAnnealingLR(optimizer, T_max=total - warmup, eta_min=eta_min),
        ],
        milestones=[warmup],
    )
    theirs = torch.tensor(record_lrs(torch_scheduler, steps=total + 20), dtype=torch.float64)
    ours = torch.tensor(
        [warmup_cosine_lr(t, 0.1, warmup, total, start, eta_min) for t in range(total + 20)],
        dtype=torch.float64,
    )
    same = torch.allclose(ours, theirs, rtol=1e-12, atol=0)
    print(f"warmup={warmup:2d} total={total:3d}: equal to torch at all {len(ours)} steps: {same}")
