import torch
from torch import nn

from nnref.layers.distance import cosine_similarity, pairwise_distance

torch.manual_seed(0)
x1 = torch.randn(4, 6, dtype=torch.float64, requires_grad=True)
x2 = torch.randn(4, 6, dtype=torch.float64, requires_grad=True)

for name, ours, module in [
    ("cosine", cosine_similarity(x1, x2), nn.CosineSimilarity()),
    ("distance p=2", pairwise_distance(x1, x2), nn.PairwiseDistance()),
    ("distance p=1", pairwise_distance(x1, x2, p=1), nn.PairwiseDistance(p=1)),
]:
    theirs = module(x1, x2)
    ours_grads = torch.autograd.grad(ours.sum(), (x1, x2))
    theirs_grads = torch.autograd.grad(theirs.sum(), (x1, x2))
    same_grad = all(torch.allclose(g, h) for g, h in zip(ours_grads, theirs_grads, strict=True))
    same_value = torch.allclose(ours, theirs)
    print(f"{name:13}", tuple(ours.shape), "values:", same_value, "gradients:", same_grad)
