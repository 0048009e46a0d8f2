import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
x, y = torch.randn(8, 3), torch.randn(8, 1)


def gradient():
    nn.functional.mse_loss(model(x), y).backward()
    return model.weight.grad.clone()


g1 = gradient()
g2 = gradient()  # no zero_grad(): the new gradient is ADDED to the old one
print("second .grad == 2 x first:", torch.allclose(g2, 2 * g1))

model.zero_grad()  # or optimizer.zero_grad(); sets .grad to None by default
print("after zero_grad, grad is", model.weight.grad)
print("fresh gradient == first:", torch.allclose(gradient(), g1))
