import torch
from torch import nn

vectors = torch.tensor([[0.0, 0.0], [1.0, 0.5], [-0.3, 2.0]])  # e.g. word2vec rows

frozen = nn.Embedding.from_pretrained(vectors)  # freeze=True by default
print("requires_grad:", frozen.weight.requires_grad)
print(frozen(torch.tensor([2, 1])))

tunable = nn.Embedding.from_pretrained(vectors, freeze=False, padding_idx=0)
print("requires_grad:", tunable.weight.requires_grad)
print(tunable)
