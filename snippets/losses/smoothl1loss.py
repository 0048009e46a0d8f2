import torch
from torch import nn

torch.manual_seed(0)
prediction, target = torch.randn(4, 3), torch.randn(4, 3)

smooth = nn.SmoothL1Loss(beta=0.5)(prediction, target)
huber = nn.HuberLoss(delta=0.5)(prediction, target)
print("huber(delta) = delta * smooth_l1(beta=delta):", torch.allclose(huber, 0.5 * smooth))
default_equal = torch.allclose(
    nn.SmoothL1Loss()(prediction, target), nn.HuberLoss()(prediction, target)
)
print("defaults beta = delta = 1 give the same loss:", default_equal)
l1_equal = torch.allclose(
    nn.SmoothL1Loss(beta=0.0)(prediction, target), nn.L1Loss()(prediction, target)
)
print("beta = 0 is L1Loss:", l1_equal)
print(
    "output with reduction='none':",
    tuple(nn.SmoothL1Loss(reduction="none")(prediction, target).shape),
)
