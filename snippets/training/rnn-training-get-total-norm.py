import torch
from torch import nn

torch.manual_seed(0)
grads = [torch.randn(4, 3), torch.randn(5), torch.randn(2, 2, 2)]

total = nn.utils.get_total_norm(grads)  # the 2-norm of all entries as one vector
joined = torch.cat([g.flatten() for g in grads])
print("2-norm:", torch.allclose(total, joined.norm()))
# It is the norm of the per-tensor norms
print("norm of norms:", torch.allclose(total, torch.stack([g.norm() for g in grads]).norm()))
print("1-norm:", torch.allclose(nn.utils.get_total_norm(grads, norm_type=1), joined.abs().sum()))
print("no tensors:", nn.utils.get_total_norm([]))
