import torch
from torch import nn

torch.manual_seed(0)
PAD = 0
emb = nn.Embedding(5, 3, padding_idx=PAD)  # the padding row is zero
window = torch.tensor([[PAD, PAD, 3, 4]])  # a centre word at the start of a sentence

wrong = emb(window).mean(dim=1)  # divides by 4, counting the two padding positions
mask = window != PAD
right = emb(window).sum(dim=1) / mask.sum(dim=1, keepdim=True)  # divides by 2
print("mean over 4 slots:", wrong.detach().round(decimals=3))
print("mean over 2 words:", right.detach().round(decimals=3))
print("wrong is right * 2/4:", torch.allclose(wrong, right * 2 / 4))
