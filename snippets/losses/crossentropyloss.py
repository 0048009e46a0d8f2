import torch
from torch import nn

torch.manual_seed(0)
logits = torch.randn(4, 3)  # (N, C): raw scores, no softmax
labels = torch.tensor([0, 2, 1, 2])  # (N,): class indices, int64

loss = nn.CrossEntropyLoss()(logits, labels)
manual = -logits.log_softmax(dim=1)[torch.arange(4), labels].mean()
print("indices:", loss, torch.allclose(loss, manual))

# weight: the mean divides by the sum of the weights of the target classes
weight = torch.tensor([1.0, 2.0, 4.0])
weighted = nn.CrossEntropyLoss(weight=weight)(logits, labels)
per_sample = nn.CrossEntropyLoss(weight=weight, reduction="none")(logits, labels)
manual = per_sample.sum() / weight[labels].sum()
print("weighted mean = sum / sum(w[y]):", torch.allclose(weighted, manual))

# ignore_index: the sample labelled -100 adds no loss and no count
masked = torch.tensor([0, 2, -100, 2])
kept = [0, 1, 3]
ignored = nn.CrossEntropyLoss()(logits, masked)
print("ignore_index:", torch.allclose(ignored, nn.CrossEntropyLoss()(logits[kept], labels[kept])))

# class probabilities: a float target with the input's shape
soft = torch.tensor([[0.9, 0.1, 0.0], [0.0, 0.2, 0.8], [0.1, 0.8, 0.1], [0.0, 0.0, 1.0]])
print("probabilities:", nn.CrossEntropyLoss()(logits, soft))

# (N, C, d1, d2): one class per pixel, class dimension 1
scores = torch.randn(2, 3, 4, 4)
pixels = torch.randint(0, 3, (2, 4, 4))
print("per pixel:", nn.CrossEntropyLoss(reduction="none")(scores, pixels).shape)
