import torch

w = torch.zeros(2, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
scheduler = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(
    optimizer, T_0=2, T_mult=2, eta_min=0.001
)

# Stepped once per epoch: cycles of 2, 4, 8 epochs (restarts at epochs 2 and 6)
lrs = []
for _ in range(8):
    lrs.append(round(scheduler.get_last_lr()[0], 4))
    optimizer.step()
    scheduler.step()
print("per epoch:", lrs)

# Stepped after every batch with a fractional epoch: a smooth curve within each epoch
optimizer = torch.optim.SGD([w], lr=0.1)
scheduler = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=2, T_mult=2)
iters = 4  # batches per epoch
for epoch in range(3):
    row = []
    for i in range(iters):
        row.append(round(scheduler.get_last_lr()[0], 4))  # the lr of this batch
        optimizer.step()
        scheduler.step(epoch + (i + 1) / iters)  # position of the next batch
    print(f"epoch {epoch}, batch lrs:", row)
