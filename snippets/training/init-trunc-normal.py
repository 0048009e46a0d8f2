import torch
from torch import nn

torch.manual_seed(0)

# ViT/BERT-style init: N(0, 0.02^2) truncated at +-2 std. a and b are absolute values!
w = torch.empty(768, 768)
nn.init.trunc_normal_(w, std=0.02, a=-0.04, b=0.04)
print("range:", round(w.min().item(), 4), round(w.max().item(), 4))
print("std:", round(w.std().item(), 4), "(below 0.02: the tails are cut)")

# The defaults a=-2, b=2 do not scale with std: here they cut nothing
v = nn.init.trunc_normal_(torch.empty(10000), std=0.02)
print("defaults, max |v|:", round(v.abs().max().item(), 4))
