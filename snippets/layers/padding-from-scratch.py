import torch
import torch.nn.functional as F

from nnref.layers.padding import pad

torch.manual_seed(0)
x = torch.randn(2, 3, 4, 5, requires_grad=True)
padding = (2, 1, -1, 3)  # left, right, top (a crop), bottom

for mode in ("constant", "reflect", "replicate", "circular"):
    ours = pad(x, padding, mode)
    theirs = F.pad(x, padding, mode)
    upstream = torch.randn_like(ours)
    (g_ours,) = torch.autograd.grad(ours, x, upstream)
    (g_theirs,) = torch.autograd.grad(theirs, x, upstream)
    same = torch.equal(ours, theirs) and torch.allclose(g_ours, g_theirs)
    print(f"{mode:9}", tuple(ours.shape), "values and gradients equal:", same)
