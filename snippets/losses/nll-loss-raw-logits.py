import torch
from torch import nn

logits = torch.tensor([[0.5, 3.0, -1.0], [2.0, 0.1, 0.2]])  # no log_softmax
labels = torch.tensor([1, 0])

print("NLLLoss(logits):", nn.NLLLoss()(logits, labels))  # -(3.0 + 2.0) / 2: negative, unbounded
print("NLLLoss(log_softmax):", nn.NLLLoss()(logits.log_softmax(dim=1), labels))
print("CrossEntropyLoss(logits):", nn.CrossEntropyLoss()(logits, labels))
