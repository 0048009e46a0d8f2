import torch
from torch import nn

from nnref.autodiff.graph import walk

torch.manual_seed(0)
model = nn.Linear(3, 1)
x, y = torch.randn(8, 3), torch.randn(8, 1)

# Wrong: summing the loss TENSORS keeps every step's graph alive
total = 0.0
for step in range(3):
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    total = total + loss
    print("step", step, "nodes reachable from total:", len(walk(total).names))

# Right: take the number out of the graph
total = 0.0
for _ in range(3):
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    total += loss.item()  # a Python float: no graph
print("float total:", type(total).__name__)
