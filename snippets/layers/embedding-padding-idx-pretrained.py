import torch
from torch import nn

vectors = torch.tensor([[0.7, -0.2], [1.0, 0.5], [-0.3, 2.0]])

# padding_idx only zeroes the row when the layer initialises its own weight
emb = nn.Embedding.from_pretrained(vectors, freeze=False, padding_idx=0)
print("padding row:", emb.weight[0].detach())  # NOT zero: it is the pretrained row
print("padding output:", emb(torch.tensor([0])).detach())

# Its gradient is still blocked, so the non-zero row stays as it is forever
emb(torch.tensor([0, 1])).sum().backward()
print("gradient of the padding row:", emb.weight.grad[0].tolist())

# Fix: zero the row yourself
with torch.no_grad():
    emb.weight[0] = 0.0
print("padding output:", emb(torch.tensor([0])).detach())
