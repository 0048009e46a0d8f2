import torch
import torch.nn.functional as F
from torch import nn

from nnref.layers.attention import multi_head_attention, scaled_dot_product_attention

torch.manual_seed(0)

q, k, v = torch.randn(2, 4, 8), torch.randn(2, 6, 8), torch.randn(2, 6, 3)
allowed = torch.rand(4, 6) > 0.3  # F.scaled_dot_product_attention: True = may attend
ours = scaled_dot_product_attention(q, k, v, attn_mask=allowed)
theirs = F.scaled_dot_product_attention(q, k, v, attn_mask=allowed)
same = torch.allclose(ours, theirs, atol=1e-6)
print(tuple(ours.shape), "equal to F.scaled_dot_product_attention:", same)

mha = nn.MultiheadAttention(embed_dim=8, num_heads=2, batch_first=True).eval()
x = torch.randn(2, 5, 8)
padding = torch.tensor([[False] * 5, [False, False, False, True, True]])  # True = padding
params = dict(mha.named_parameters())  # in_proj_weight, in_proj_bias, out_proj.weight, ...
ours, ours_w = multi_head_attention(
    x, x, x, params, num_heads=2, key_padding_mask=padding, batch_first=True
)
theirs, theirs_w = mha(x, x, x, key_padding_mask=padding)
print(tuple(ours.shape), "equal to nn.MultiheadAttention:", torch.allclose(ours, theirs, atol=1e-6))
print(tuple(ours_w.shape), "same weights:", torch.allclose(ours_w, theirs_w, atol=1e-6))
print("padded keys get weight 0:", bool((ours_w[1, :, 3:] == 0).all()))
