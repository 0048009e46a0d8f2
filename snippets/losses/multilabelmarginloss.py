import torch
from torch import nn

x = torch.tensor([[0.1, 0.2, 0.4, 0.8], [0.9, 0.1, 0.5, 0.2]])  # scores, shape (N, C)
y = torch.tensor([[3, 0, -1, 1], [0, 2, -1, -1]])  # class lists, int64, padded with -1
# row 0: classes {3, 0} (the 1 after the first -1 is ignored); row 1: classes {0, 2}

loss = nn.MultiLabelMarginLoss(reduction="none")(x, y)
print("per sample:", loss)
# row 0: targets j in {3, 0}, others i in {1, 2}: sum of max(0, 1 - (x[j] - x[i])) / C
targets, others = x[0, [3, 0]], x[0, [1, 2]]
print("by hand:", (1 - (targets[:, None] - others[None, :])).clamp(min=0).sum() / 4)
