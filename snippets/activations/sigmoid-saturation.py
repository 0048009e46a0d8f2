import torch

x = torch.tensor([0.0, 2.0, 5.0, 10.0, 20.0], requires_grad=True)
torch.sigmoid(x).sum().backward()
print(x.grad)  # the gradient a unit receives from its sigmoid
print("at x = 10 it is", round(float(x.grad[0] / x.grad[3])), "times smaller than at 0")

torch.manual_seed(0)
inputs = torch.randn(256, 100)  # standardized features
weights = torch.randn(100, 50)  # N(0, 1) weights: far too large for 100 inputs
pre_activation = inputs @ weights  # standard deviation about 10
saturated = (pre_activation.abs() > 5).float().mean()
print(f"units with sigmoid' < 0.007: {saturated:.0%}")
