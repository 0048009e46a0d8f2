import torch
from torch import nn

from nnref.layers.merging import add, broadcast_shapes, concatenate, glu, multiply, residual

torch.manual_seed(0)
a = torch.randn(2, 3, 4, 4)
b = torch.randn(2, 5, 4, 4)
bias = torch.randn(3, 1, 1)

print("concatenate:", torch.equal(concatenate([a, b], dim=1), torch.cat([a, b], dim=1)))
print("add:        ", torch.allclose(add([a, bias]), a + bias))
print("multiply:   ", torch.allclose(multiply([a, bias]), a * bias))
print("broadcast_shapes:", tuple(broadcast_shapes((8, 1, 6), (7, 1))))
z = torch.randn(2, 8)
print("glu:        ", torch.allclose(glu(z), nn.functional.glu(z)))

block = nn.Linear(4, 4)
x = torch.randn(2, 4)
print("residual:   ", torch.allclose(residual(x, block), x + block(x)))
try:
    residual(x, nn.Linear(4, 3))
except ValueError as error:
    print("ValueError:", error)
