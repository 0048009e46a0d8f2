import copy

import torch
from torch import nn

torch.manual_seed(0)
model = nn.GRU(input_size=3, hidden_size=6)
twin = copy.deepcopy(model)
x = torch.randn(30, 2, 3)
for m in (model, twin):
    (10 * m(x)[0].sum()).backward()

# Two steps: compute the norm once (log it, check it, share it), then scale
params = list(model.parameters())
total = nn.utils.get_total_norm([p.grad for p in params])
nn.utils.clip_grads_with_norm_(params, max_norm=0.5, total_norm=total)

# ... the same as one call of clip_grad_norm_
nn.utils.clip_grad_norm_(twin.parameters(), max_norm=0.5)
same = all(
    torch.equal(a.grad, b.grad) for a, b in zip(model.parameters(), twin.parameters(), strict=True)
)
print("norm before:", round(total.item(), 2), "same gradients as clip_grad_norm_:", same)
