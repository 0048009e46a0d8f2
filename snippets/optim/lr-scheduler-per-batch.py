import torch
from torch.optim.lr_scheduler import StepLR

param = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = StepLR(optimizer, step_size=30, gamma=0.1)  # meant: divide by 10 every 30 epochs

batches_per_epoch = 50
for epoch in range(3):
    for _ in range(batches_per_epoch):
        optimizer.step()
        scheduler.step()  # wrong place: inside the batch loop
    print(f"after epoch {epoch + 1}: lr = {scheduler.get_last_lr()[0]:.0e}")
print("intended after epoch 3:", 0.1)
