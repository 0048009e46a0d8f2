import torch
from torch.optim.lr_scheduler import StepLR

model = torch.nn.Linear(3, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
scheduler = StepLR(optimizer, step_size=2, gamma=0.5)  # halve the rate every 2 epochs

print("base_lrs:", scheduler.base_lrs, " last_epoch:", scheduler.last_epoch)

x, y = torch.randn(16, 3), torch.randn(16, 1)
for epoch in range(5):
    used = optimizer.param_groups[0]["lr"]  # the rate this epoch's updates use
    for _ in range(4):
        optimizer.zero_grad()
        torch.nn.functional.mse_loss(model(x), y).backward()
        optimizer.step()
    scheduler.step()  # once per epoch, after optimizer.step()
    print(f"epoch {epoch}: lr used {used:.4f}, next {scheduler.get_last_lr()[0]:.4f}")

print("last_epoch:", scheduler.last_epoch)
print("state_dict keys:", sorted(scheduler.state_dict()))
