import torch
from torch import nn

torch.manual_seed(0)
logits = torch.randn(4, 5)  # 4 examples, K = 5 classes
target = torch.tensor([0, 3, 1, 4])
eps = 0.1

loss = nn.CrossEntropyLoss(label_smoothing=eps)(logits, target)

# The target becomes (1 - eps) * one_hot + eps / K
smooth = torch.full((4, 5), eps / 5)
smooth[torch.arange(4), target] += 1 - eps
manual = -(smooth * logits.log_softmax(dim=1)).sum(dim=1).mean()
print("smoothed target row:", [round(v, 3) for v in smooth[0].tolist()])
print("equal:", torch.allclose(loss, manual))

# Even a perfect, confident prediction keeps a positive loss: no reason to grow logits forever
confident = torch.tensor([[20.0, 0, 0, 0, 0]])
print("no smoothing:", round(nn.CrossEntropyLoss()(confident, torch.tensor([0])).item(), 4))
print(
    "smoothing 0.1:",
    round(nn.CrossEntropyLoss(label_smoothing=eps)(confident, torch.tensor([0])).item(), 4),
)
