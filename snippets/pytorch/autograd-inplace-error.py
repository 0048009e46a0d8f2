import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x.exp()  # exp saves its output y for the backward pass: d exp(x) = exp(x)
y.add_(1)  # wrong: modifies the saved y in place (its version goes 0 -> 1)
try:
    y.sum().backward()
except RuntimeError as error:
    print("RuntimeError:", error)

y = x.exp()
z = y + 1  # right: an out-of-place operation makes a new tensor
z.sum().backward()
print("x.grad =", [round(v, 4) for v in x.grad.tolist()])

try:
    x.add_(1)  # an in-place change of a leaf that requires grad
except RuntimeError as error:
    print("RuntimeError:", error)
