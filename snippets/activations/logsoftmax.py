import torch
from torch import nn

logits = torch.tensor([[2.0, 1.0, 0.1]])
log_probs = nn.LogSoftmax(dim=1)(logits)
print(log_probs.round(decimals=4))

lse = torch.logsumexp(logits, dim=1, keepdim=True)
print("equals x - logsumexp(x):", torch.allclose(log_probs, logits - lse))
print("exp gives softmax back:", torch.allclose(log_probs.exp(), torch.softmax(logits, dim=1)))

# LogSoftmax followed by NLLLoss is exactly CrossEntropyLoss on the logits
target = torch.tensor([0])
print("NLLLoss:", round(nn.NLLLoss()(log_probs, target).item(), 4))
print("CrossEntropyLoss:", round(nn.CrossEntropyLoss()(logits, target).item(), 4))
