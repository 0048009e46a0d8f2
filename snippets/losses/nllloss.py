import torch
from torch import nn

torch.manual_seed(0)
logits = torch.randn(4, 3)
labels = torch.tensor([0, 2, 1, 2])
log_probs = nn.LogSoftmax(dim=1)(logits)  # NLLLoss expects log-probabilities

loss = nn.NLLLoss()(log_probs, labels)
print("NLL:", loss)
print("= -mean(x[n, y_n]):", torch.allclose(loss, -log_probs[torch.arange(4), labels].mean()))
print("= CrossEntropyLoss on logits:", torch.allclose(loss, nn.CrossEntropyLoss()(logits, labels)))

# weight and ignore_index, as in CrossEntropyLoss
weight = torch.tensor([1.0, 2.0, 4.0])
masked = torch.tensor([0, 2, -100, 2])
weighted = nn.NLLLoss(weight=weight)(log_probs, masked)
kept = [0, 1, 3]
manual = -(weight[masked[kept]] * log_probs[kept, masked[kept]]).sum() / weight[masked[kept]].sum()
print("weighted, one ignored:", torch.allclose(weighted, manual))
