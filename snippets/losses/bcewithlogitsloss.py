import torch
from torch import nn

logits = torch.tensor([2.0, -1.5, 0.4, 0.0])
labels = torch.tensor([1.0, 0.0, 0.0, 1.0])

loss = nn.BCEWithLogitsLoss()(logits, labels)
print("= BCELoss(sigmoid(x)):", torch.allclose(loss, nn.BCELoss()(torch.sigmoid(logits), labels)))
stable = (logits.clamp(min=0) - logits * labels + torch.log1p(torch.exp(-logits.abs()))).mean()
print("= max(x, 0) - x y + log(1 + e^-|x|):", torch.allclose(loss, stable))

# multi-label: 3 classes, pos_weight (C,) multiplies the positive term of each class
torch.manual_seed(0)
scores = torch.randn(4, 3)
tags = torch.tensor([[1.0, 0.0, 1.0], [0.0, 0.0, 1.0], [1.0, 1.0, 0.0], [0.0, 0.0, 0.0]])
pos_weight = torch.tensor([1.0, 5.0, 2.0])
weighted = nn.BCEWithLogitsLoss(pos_weight=pos_weight, reduction="none")(scores, tags)
log_sig = nn.functional.logsigmoid
manual = -(pos_weight * tags * log_sig(scores) + (1 - tags) * log_sig(-scores))
print("pos_weight along the last dim:", weighted.shape, torch.allclose(weighted, manual))
