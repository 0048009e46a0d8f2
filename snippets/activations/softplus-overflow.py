import torch
import torch.nn.functional as F

x = torch.tensor([50.0, 100.0], requires_grad=True)  # float32
y = F.softplus(x, threshold=1000.0)  # "never cut off" ... exp(100) overflows in float32
y.sum().backward()
print("threshold=1000:", y.detach(), x.grad)

x.grad = None
y = torch.logaddexp(x, torch.zeros_like(x))  # log(exp(x) + exp(0)) without overflow
y.sum().backward()
print("logaddexp(x, 0):", y.detach(), x.grad)
