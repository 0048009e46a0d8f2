import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
x, y = torch.randn(4, 3), torch.randn(4, 1)

# backward() ADDS into .grad: without zero_grad the gradients of two steps pile up
for step in range(3):
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    print("step", step, "bias.grad", round(model.bias.grad.item(), 4))

# Right: clear the gradients before every backward pass
for step in range(3):
    model.zero_grad()  # or optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    print("with zero_grad, step", step, "bias.grad", round(model.bias.grad.item(), 4))
