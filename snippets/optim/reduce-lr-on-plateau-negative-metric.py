import torch

w = torch.zeros(1, requires_grad=True)

for threshold_mode in ("rel", "abs"):
    optimizer = torch.optim.SGD([w], lr=0.1)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
        optimizer, patience=2, threshold=1e-4, threshold_mode=threshold_mode
    )
    for metric in [-10.0, -9.9995, -9.9992, -9.9990, -9.9989]:  # slowly getting worse
        scheduler.step(metric)
    print(f"{threshold_mode}: best {scheduler.best}  lr {scheduler.get_last_lr()[0]:.2f}")
