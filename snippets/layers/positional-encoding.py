import math

import torch
from torch import nn

torch.manual_seed(0)
max_len, d_model = 50, 16

# The sinusoidal table built from torch operations (torch has no class for it)
position = torch.arange(max_len).unsqueeze(1)  # (max_len, 1)
inv_wavelength = torch.exp(torch.arange(0, d_model, 2) * (-math.log(10000.0) / d_model))
pe = torch.zeros(max_len, d_model)
pe[:, 0::2] = torch.sin(position * inv_wavelength)  # even features: sine
pe[:, 1::2] = torch.cos(position * inv_wavelength)  # odd features: cosine
print("table", tuple(pe.shape))
print(pe[:3, :4].round(decimals=3))  # position 0 is (0, 1, 0, 1, ...)
norms = pe.norm(dim=1)
print("every row has norm sqrt(d_model/2):", torch.allclose(norms, torch.full_like(norms, 8**0.5)))

tokens = torch.randint(0, 100, (2, 10))  # (N, L) token ids
embedding = nn.Embedding(100, d_model)
x = embedding(tokens) * math.sqrt(d_model) + pe[:10]  # (L, E) broadcast over the batch
print("encoder input", tuple(x.shape))

# Learned positions (BERT, GPT-2): one trainable vector per position, up to max_len
positions = nn.Embedding(max_len, d_model)
y = embedding(tokens) + positions(torch.arange(10))
print("learned", tuple(y.shape), "trainable parameters:", positions.weight.numel())
