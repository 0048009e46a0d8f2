import torch
from torch import nn

logits = torch.tensor([-120.0, 40.0], requires_grad=True)  # confidently wrong
labels = torch.tensor([1.0, 0.0])

split = nn.BCELoss(reduction="none")(torch.sigmoid(logits), labels)
(grad_split,) = torch.autograd.grad(split.sum(), logits)
fused = nn.BCEWithLogitsLoss(reduction="none")(logits, labels)
(grad_fused,) = torch.autograd.grad(fused.sum(), logits)

print("sigmoid + BCELoss: loss", split.detach(), "grad", grad_split)
print("BCEWithLogitsLoss: loss", fused.detach(), "grad", grad_fused)
