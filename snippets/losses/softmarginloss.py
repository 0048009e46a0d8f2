import torch
import torch.nn.functional as F
from torch import nn

x = torch.tensor([2.0, -1.0, 0.0, 3.0])  # scores (logits)
y = torch.tensor([1.0, 1.0, -1.0, -1.0])  # labels in {1, -1}

loss = nn.SoftMarginLoss(reduction="none")(x, y)
print("log(1 + exp(-y x)):", loss)
print("mean:", nn.SoftMarginLoss()(x, y))
# the logistic loss: binary cross-entropy on logits with the labels mapped to {1, 0}
bce = F.binary_cross_entropy_with_logits(x, (y + 1) / 2, reduction="none")
print("equals BCE with logits:", torch.allclose(loss, bce))
