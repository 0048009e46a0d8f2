import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(4, 3)  # weight: (out_features, in_features) = (3, 4)
x = torch.randn(4)
y = layer(x)
g = torch.randn(3)  # dL/dy
y.backward(g)

print("weight:", tuple(layer.weight.shape), "| grad:", tuple(layer.weight.grad.shape))
# Right: dL/dW = g x^T, the shape of W
print(
    "g x^T:", tuple(torch.outer(g, x).shape), torch.allclose(layer.weight.grad, torch.outer(g, x))
)
# Wrong: x g^T is the transpose, shaped (in, out): Keras' kernel layout, not nn.Linear's
print("x g^T:", tuple(torch.outer(x, g).shape))
