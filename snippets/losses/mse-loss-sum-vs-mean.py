import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)

for batch_size in (8, 64, 512):
    x = torch.randn(batch_size, 3)
    y = x.sum(dim=1, keepdim=True)  # the true function: y = x1 + x2 + x3
    norms = []
    for reduction in ("mean", "sum"):
        model.zero_grad()
        nn.MSELoss(reduction=reduction)(model(x), y).backward()
        norms.append(f"{reduction} {model.weight.grad.norm():7.2f}")
    print(f"N = {batch_size:3d}: gradient norm with", ", with ".join(norms))
