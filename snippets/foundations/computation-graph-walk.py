import torch
from torch import nn

torch.manual_seed(0)
layer1, layer2 = nn.Linear(2, 3), nn.Linear(3, 2)
x, y = torch.randn(4, 2), torch.randn(4, 2)

loss = nn.functional.mse_loss(layer2(torch.tanh(layer1(x))), y)
names = {
    id(p): n
    for n, p in [
        ("W1", layer1.weight),
        ("b1", layer1.bias),
        ("W2", layer2.weight),
        ("b2", layer2.bias),
    ]
}


def show(node, indent=0):
    """Print the backward graph below node, one line per edge of next_functions."""
    label = type(node).__name__
    if hasattr(node, "variable"):  # AccumulateGrad: the edge ends at a leaf tensor
        label += f" -> {names[id(node.variable)]} {tuple(node.variable.shape)}"
    print("  " * indent + label)
    for child, _ in node.next_functions:
        if child is not None:  # None: an input that needs no gradient (x, y)
            show(child, indent + 1)


show(loss.grad_fn)
print("leaves:", layer1.weight.is_leaf, x.is_leaf, "| loss is a leaf:", loss.is_leaf)
print("grad_fn of a parameter:", layer1.weight.grad_fn)
