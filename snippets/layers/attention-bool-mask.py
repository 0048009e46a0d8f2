import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
x = torch.randn(1, 3, 4)  # (N=1, L=3, E=4)
future = torch.ones(3, 3, dtype=torch.bool).triu(diagonal=1)  # True above the diagonal

# nn.MultiheadAttention: True = NOT allowed, so `future` is a causal mask
mha = nn.MultiheadAttention(embed_dim=4, num_heads=1, batch_first=True)
_, weights = mha(x, x, x, attn_mask=future)
print("MultiheadAttention(attn_mask=future): causal", (weights[0] > 0).int().tolist())

# F.scaled_dot_product_attention: True = allowed. With value = identity the output is the
# weight matrix itself; 1 marks a key that gets a non-zero weight.
eye = torch.eye(3).unsqueeze(0)
wrong = F.scaled_dot_product_attention(x, x, eye, attn_mask=future)
print("sdpa(attn_mask=future): sees only the future", (wrong[0] > 0).int().tolist())
right = F.scaled_dot_product_attention(x, x, eye, attn_mask=~future)
print("sdpa(attn_mask=~future): causal", (right[0] > 0).int().tolist())
