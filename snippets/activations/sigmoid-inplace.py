import torch

x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = torch.sigmoid(x)  # sigmoid saves its OUTPUT for the backward pass
y.mul_(2)  # ...which this in-place operation overwrites
try:
    y.sum().backward()
except RuntimeError as error:
    print("RuntimeError:", str(error).split(":")[0])

x.grad = None
y = torch.sigmoid(x) * 2  # out of place: the saved output is intact
y.sum().backward()
print(x.grad)
