import torch
import torch.nn.functional as F

from nnref.activations.relu import (
    relu,
    relu6,
    relu6_derivative,
    relu_derivative,
    threshold,
    threshold_derivative,
)

# the kink points and their neighbours
x = torch.tensor([-2.0, 0.0, 1e-3, 1.0, 5.0, 6.0, 7.0], dtype=torch.float64)
cases = {
    "relu": (relu, F.relu, relu_derivative),
    "relu6": (relu6, F.relu6, relu6_derivative),
    "threshold": (
        lambda t: threshold(t, 1.0, -1.0),
        lambda t: F.threshold(t, 1.0, -1.0),
        lambda t: threshold_derivative(t, 1.0),
    ),
}
for name, (ours, theirs, derivative) in cases.items():
    a, b = x.clone().requires_grad_(), x.clone().requires_grad_()
    ours(a).sum().backward()
    theirs(b).sum().backward()
    same_values = torch.equal(ours(x), theirs(x))
    same_grads = torch.equal(a.grad, b.grad) and torch.equal(derivative(x), b.grad)
    print(f"{name:9s} values equal: {same_values}  gradients equal: {same_grads}")
    print("          gradient:", b.grad.tolist())
