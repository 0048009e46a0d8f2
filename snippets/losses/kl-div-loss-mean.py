import warnings

import torch
from torch import nn

torch.manual_seed(0)
log_q = torch.randn(8, 100).log_softmax(dim=1)  # 8 distributions over 100 classes
p = torch.randn(8, 100).softmax(dim=1)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    mean = nn.KLDivLoss()(log_q, p)  # default reduction="mean"
print("warning:", str(caught[0].message).split(" and ")[0])
batchmean = nn.KLDivLoss(reduction="batchmean")(log_q, p)
print("mean:", mean, " batchmean:", batchmean)
print("mean = batchmean / C:", torch.allclose(mean, batchmean / 100))
