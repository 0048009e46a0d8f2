import math

import torch
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
data = TensorDataset(torch.randn(1000, 3), torch.randn(1000, 1))

# Batch size: the number of examples per step; iterations per epoch = ceil(n / B)
for batch_size, drop_last in ((32, False), (32, True), (1000, False)):
    loader = DataLoader(data, batch_size=batch_size, shuffle=True, drop_last=drop_last)
    sizes = [len(xb) for xb, _ in loader]
    print(
        f"B={batch_size:<4} drop_last={drop_last!s:5} steps per epoch {len(loader):>2},"
        f" last batch {sizes[-1]}, ceil(n/B) = {math.ceil(1000 / batch_size)}"
    )
print("DataLoader default batch_size:", DataLoader(data).batch_size)

# The learning rate is an entry of every parameter group; it can be changed at any step
model = torch.nn.Linear(3, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
w = model.weight.detach().clone()
xb, yb = data[:32]
optimizer.zero_grad()
torch.nn.functional.mse_loss(model(xb), yb).backward()
optimizer.step()
print("step = -lr * grad:", torch.allclose(model.weight - w, -0.1 * model.weight.grad))
for group in optimizer.param_groups:
    group["lr"] *= 0.5  # what a scheduler does between steps
print("lr now:", optimizer.param_groups[0]["lr"])
