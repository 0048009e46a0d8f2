import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
logits = torch.randn(4, 3)  # (N, C): raw scores of the last linear layer, no softmax
labels = torch.tensor([0, 2, 1, 2])  # (N,): class indices, int64
log_p = F.log_softmax(logits, dim=1)

loss = nn.CrossEntropyLoss()(logits, labels)
print("CrossEntropyLoss:     ", round(loss.item(), 4))
print("LogSoftmax + NLLLoss: ", round(F.nll_loss(log_p, labels).item(), 4))
print("mean of -log p[y]:    ", round(-log_p[torch.arange(4), labels].mean().item(), 4))

soft = torch.tensor([0.7, 0.2, 0.1]).expand(4, 3)  # probability targets: (N, C), float
print("soft targets:         ", round(F.cross_entropy(logits, soft).item(), 4))
print("-sum q log p, mean:   ", round(-(soft * log_p).sum(dim=1).mean().item(), 4))

eps = 0.1
smoothed = F.cross_entropy(logits, labels, label_smoothing=eps)
q = (1 - eps) * F.one_hot(labels, 3) + eps / 3  # (1 - eps) one-hot + eps / C
print("label_smoothing=0.1:  ", round(smoothed.item(), 4))
print("smoothed targets:     ", round(-(q * log_p).sum(dim=1).mean().item(), 4))
