import torch
from torch import nn

torch.manual_seed(0)
scores = torch.randn(2, 3, 4, 5)  # (N, C, H, W): 3 class scores for every pixel
probs = nn.Softmax2d()(scores)
print(probs.shape)
print("each pixel's channels sum to 1:", torch.allclose(probs.sum(dim=1), torch.ones(2, 4, 5)))
print("same as Softmax(dim=-3):", torch.equal(probs, nn.Softmax(dim=-3)(scores)))
print("unbatched (C, H, W) works too:", tuple(nn.Softmax2d()(scores[0]).shape))
try:
    nn.Softmax2d()(torch.randn(4, 3))
except ValueError as error:
    print("ValueError:", error)
