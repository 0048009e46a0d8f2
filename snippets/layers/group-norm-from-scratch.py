import torch
from torch import nn

from nnref.layers.group_norm import group_norm

torch.manual_seed(0)
x = torch.randn(3, 8, 5, 5)

for groups in (1, 2, 4, 8):
    gn = nn.GroupNorm(groups, 8)
    with torch.no_grad():
        gn.weight.normal_()
        gn.bias.normal_()
    ours = group_norm(x, groups, gn.weight, gn.bias)
    print(f"num_groups={groups}:", tuple(ours.shape), torch.allclose(ours, gn(x), atol=1e-5))
