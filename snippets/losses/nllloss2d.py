import warnings

import torch
from torch import nn

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old = nn.NLLLoss2d()
print(caught[0].category.__name__, "->", str(caught[0].message).split(".")[0])
print("a subclass of NLLLoss:", isinstance(old, nn.NLLLoss))

torch.manual_seed(0)
log_probs = torch.randn(2, 3, 4, 4).log_softmax(dim=1)  # (N, C, H, W)
labels = torch.randint(0, 3, (2, 4, 4))  # (N, H, W)
print("same as NLLLoss:", torch.equal(old(log_probs, labels), nn.NLLLoss()(log_probs, labels)))
