import torch
from torch import nn

from nnref.autodiff.graph import walk

torch.manual_seed(0)
layer1, layer2 = nn.Linear(2, 3), nn.Linear(3, 2)
x, y = torch.randn(4, 2), torch.randn(4, 2)
loss = nn.functional.mse_loss(layer2(torch.tanh(layer1(x))), y)

graph = walk(loss)
for name, depth in zip(graph.names, graph.depth, strict=True):
    print(depth, name)
print("edges:", len(graph.edges))
params = {"W1": layer1.weight, "b1": layer1.bias, "W2": layer2.weight, "b2": layer2.bias}
print(
    "leaves:", [n for i in graph.leaf_indices() for n, p in params.items() if p is graph.leaves[i]]
)
# topological order: every edge goes from an earlier node to a later one
print("topological:", all(i < j for i, j in graph.edges))

# a repeated input gives two edges to the same node: x * x
t = torch.tensor(3.0, requires_grad=True)
print(walk(t * t).names, walk(t * t).edges)
