import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)

# A soft dictionary lookup: 3 keys, 3 values, one query that points at key 1
keys = torch.tensor([[2.0, 0.0], [0.0, 2.0], [-2.0, 0.0]])  # (S=3, d_k=2)
values = torch.tensor([[10.0], [20.0], [30.0]])  # (S=3, d_v=1)
query = torch.tensor([[0.5, 2.0]])  # (L=1, d_k=2)
weights = torch.softmax(query @ keys.T / math.sqrt(2), dim=-1)
print("weights", weights.round(decimals=3))  # mostly on key 1, and they sum to 1
print("output ", (weights @ values).round(decimals=2))  # a weighted mean of the values
print("F.sdpa ", F.scaled_dot_product_attention(query, keys, values).round(decimals=2))

# Self-attention: queries, keys and values come from the same sequence
q, k, v = torch.randn(3, 2, 4, 8).unbind(0)  # each (N=2, L=4, E=8)
out = F.scaled_dot_product_attention(q, k, v)
print("output", tuple(out.shape))  # (N, L, E_v)
manual = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(8), dim=-1) @ v
print("softmax(QK^T/sqrt(d_k)) V:", torch.allclose(out, manual, atol=1e-6))

# is_causal=True: query i sees keys 0..i, so the first output is the first value
causal = F.scaled_dot_product_attention(q, k, v, is_causal=True)
print("first output = first value:", torch.allclose(causal[:, 0], v[:, 0]))
