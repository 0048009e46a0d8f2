import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
mha = nn.MultiheadAttention(embed_dim=4, num_heads=1, batch_first=True)
x = torch.randn(2, 3, 4)
padding = torch.tensor([[False, False, True], [True, True, True]])  # sequence 1 is all padding

out, _ = mha(x, x, x, key_padding_mask=padding)  # need_weights=True (the default)
print("need_weights=True:  NaN in sequence 0, 1:", out.isnan().flatten(1).any(1).tolist())
out, _ = mha(x, x, x, key_padding_mask=padding, need_weights=False)
print("need_weights=False: NaN in sequence 0, 1:", out.isnan().flatten(1).any(1).tolist())
print("  sequence 1 is out_proj.bias:", torch.equal(out[1], mha.out_proj.bias.expand(3, 4)))

nothing = torch.zeros(1, 3, dtype=torch.bool)  # sdpa: True = allowed, so nothing is allowed
print("F.sdpa, fully masked row:", F.scaled_dot_product_attention(x[0, :1], x[0], x[0], nothing))
