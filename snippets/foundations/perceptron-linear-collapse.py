import torch
from torch import nn

from nnref.perceptron import compose_affine

torch.manual_seed(0)

# Three linear layers with no activation between them...
deep = nn.Sequential(nn.Linear(2, 8), nn.Linear(8, 8), nn.Linear(8, 1))
weight, bias = compose_affine([m.weight for m in deep], [m.bias for m in deep])
print("one weight", tuple(weight.shape), "and one bias", tuple(bias.shape))

# ...compute exactly one affine map x W^T + b
x = torch.randn(5, 2)
print("same as one nn.Linear:", torch.allclose(deep(x), x @ weight.T + bias, atol=1e-6))

# So their decision boundary {x : x W^T + b = 0} is still a straight line: no XOR.
# With a ReLU in between, the map is no longer affine:
relu_net = nn.Sequential(deep[0], nn.ReLU(), deep[1], nn.ReLU(), deep[2])
a, b = torch.randn(2), torch.randn(2)
mid = relu_net((a + b) / 2)
print(
    "affine (midpoint rule) without ReLU:",
    torch.allclose(deep((a + b) / 2), (deep(a) + deep(b)) / 2, atol=1e-6),
)
print(
    "affine (midpoint rule) with ReLU:   ",
    torch.allclose(mid, (relu_net(a) + relu_net(b)) / 2, atol=1e-6),
)
