import torch
from torch import nn

torch.manual_seed(0)
logits = torch.tensor([[2.0, 1.0, 0.1], [0.0, 0.0, 0.0]])
softmax = nn.Softmax(dim=1)  # one probability vector per row
probs = softmax(logits)
print(probs.round(decimals=4))
print("rows sum to 1:", probs.sum(dim=1))

manual = logits.exp() / logits.exp().sum(dim=1, keepdim=True)
print("equals exp(x) / sum exp(x):", torch.allclose(probs, manual))
print("same as torch.softmax:", torch.equal(probs, torch.softmax(logits, dim=1)))

scores = torch.randn(4, 10)  # a batch of 4 examples, 10 class scores each
batch_probs = softmax(scores)
print(batch_probs.shape, "argmax unchanged:", torch.equal(batch_probs.argmax(1), scores.argmax(1)))
