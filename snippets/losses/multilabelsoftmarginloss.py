import torch
import torch.nn.functional as F
from torch import nn

x = torch.tensor([[2.0, -1.0, 0.5], [-0.5, 1.5, -2.0]])  # logits, shape (N, C)
y = torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]])  # multi-hot labels, float

loss = nn.MultiLabelSoftMarginLoss(reduction="none")(x, y)
print("per sample:", loss, tuple(loss.shape))
# binary cross-entropy on logits for every class, averaged over the C classes
bce = F.binary_cross_entropy_with_logits(x, y, reduction="none").mean(dim=1)
print("equals BCE averaged over classes:", torch.allclose(loss, bce))
weighted = nn.MultiLabelSoftMarginLoss(weight=torch.tensor([1.0, 2.0, 1.0]))(x, y)
print("class weights:", weighted)
