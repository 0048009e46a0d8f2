import torch
from torch import nn

torch.manual_seed(0)
cos = nn.CosineSimilarity()  # dim=1

# Two batches of 3 token embeddings, laid out (N, L, D) = (2, 3, 4)
x, y = torch.randn(2, 3, 4), torch.randn(2, 3, 4)
print("dim=1: ", tuple(cos(x, y).shape))  # compares along the 3 tokens: wrong axis, no error
print("dim=-1:", tuple(nn.CosineSimilarity(dim=-1)(x, y).shape))  # one value per token

try:  # two single vectors of shape (D,) have no dim 1
    cos(torch.randn(4), torch.randn(4))
except IndexError as error:
    print("IndexError:", error)
