import torch

x = torch.tensor([-1.0, 0.0, 1.0], requires_grad=True)

torch.relu(x).sum().backward()
print("torch.relu   grad:", x.grad)

x.grad = None
x.clamp(min=0).sum().backward()  # same values, different gradient at exactly 0
print("clamp(min=0) grad:", x.grad)
