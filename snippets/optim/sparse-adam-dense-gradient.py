import torch
from torch import nn

embedding = nn.Embedding(5, 2)  # sparse=False (the default): weight.grad is dense
optimizer = torch.optim.SparseAdam(embedding.parameters())
embedding(torch.tensor([0, 3])).sum().backward()
print("gradient is sparse:", embedding.weight.grad.is_sparse)
try:
    optimizer.step()
except RuntimeError as error:
    print("RuntimeError:", error)

# The reverse mistake: a sparse gradient given to Adam
embedding = nn.Embedding(5, 2, sparse=True)
optimizer = torch.optim.Adam(embedding.parameters())
embedding(torch.tensor([0, 3])).sum().backward()
try:
    optimizer.step()
except RuntimeError as error:
    print("RuntimeError:", error)
