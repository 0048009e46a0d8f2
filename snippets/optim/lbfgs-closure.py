import torch

w = torch.tensor([1.0, -2.0], requires_grad=True)
optimizer = torch.optim.LBFGS([w])

# The usual SGD-style loop: backward, then step() without a closure
(w**2).sum().backward()
try:
    optimizer.step()
except TypeError as error:
    print("TypeError:", error)

# L-BFGS takes a single parameter group
bias = torch.zeros(1, requires_grad=True)
try:
    torch.optim.LBFGS([{"params": [w]}, {"params": [bias], "lr": 0.1}])
except ValueError as error:
    print("ValueError:", error)
