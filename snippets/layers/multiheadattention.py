import math

import torch
from torch import nn

torch.manual_seed(0)

mha = nn.MultiheadAttention(embed_dim=8, num_heads=2)  # head_dim = 8 / 2 = 4
print("in_proj_weight ", tuple(mha.in_proj_weight.shape))  # (3E, E): W_q, W_k, W_v stacked
print("in_proj_bias   ", tuple(mha.in_proj_bias.shape))
print("out_proj.weight", tuple(mha.out_proj.weight.shape))  # (E, E)
print("parameters:", sum(p.numel() for p in mha.parameters()))  # 4E^2 + 4E = 288

x = torch.randn(5, 3, 8)  # batch_first=False: (L=5, N=3, E=8)
out, weights = mha(x, x, x)  # self-attention
print("output", tuple(out.shape), "weights", tuple(weights.shape))  # weights: (N, L, S)

_, per_head = mha(x, x, x, average_attn_weights=False)
print("per head", tuple(per_head.shape))  # (N, num_heads, L, S)
print("returned weights = mean over heads:", torch.allclose(per_head.mean(dim=1), weights))

# Head 0 by hand: features 0..3 of the projections, scaled by sqrt(head_dim), not sqrt(E)
w_q, w_k, _ = mha.in_proj_weight.chunk(3)
b_q, b_k, _ = mha.in_proj_bias.chunk(3)
q0 = (x @ w_q.T + b_q)[..., :4].transpose(0, 1)  # (N, L, 4)
k0 = (x @ w_k.T + b_k)[..., :4].transpose(0, 1)
head0 = torch.softmax(q0 @ k0.transpose(1, 2) / math.sqrt(4), dim=-1)
print("head 0 by hand:", torch.allclose(head0, per_head[:, 0], atol=1e-6))

# Cross-attention with other key/value sizes: separate projection weights
cross = nn.MultiheadAttention(8, 2, kdim=3, vdim=5, batch_first=True)
out, weights = cross(torch.randn(2, 4, 8), torch.randn(2, 6, 3), torch.randn(2, 6, 5))
print("cross", tuple(out.shape), tuple(weights.shape))  # (N, L, E), (N, L, S)
print("k_proj_weight", tuple(cross.k_proj_weight.shape))  # (E, kdim)
