import torch

w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=10)

for epoch in range(21):  # trained 20 epochs with T_max=10
    if epoch in (5, 10, 15, 20):
        print(f"epoch {epoch:2d}  lr {scheduler.get_last_lr()[0]:.4f}")
    optimizer.step()
    scheduler.step()
