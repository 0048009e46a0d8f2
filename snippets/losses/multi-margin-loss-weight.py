import torch
import torch.nn.functional as F

x = torch.tensor([[0.5, 0.2, 0.9], [0.1, 0.8, 0.3]])
y = torch.tensor([0, 1])
weight = torch.tensor([1.0, 3.0, 1.0])

for scale in (1, 10):
    w = scale * weight
    hinge = F.multi_margin_loss(x, y, weight=w)  # mean: sum / N
    ce = F.cross_entropy(x, y, weight=w)  # mean: sum / (sum of the targets' weights)
    print(f"weight x{scale:>2}: MultiMarginLoss {hinge:.4f}, CrossEntropyLoss {ce:.4f}")
