import torch
from torch import nn

x = torch.tensor(
    [
        [1.0, 0.8, 0.6, -2.0],  # two wrong classes are within the margin
        [0.5, -3.0, -3.0, -3.0],  # every wrong class is 3.5 below the right one
    ]
)
y = torch.tensor([0, 0])

# PyTorch: the sum over every wrong class, divided by C (Weston-Watkins)
print("MultiMarginLoss:         ", nn.MultiMarginLoss(reduction="none")(x, y))
# keras.losses.CategoricalHinge: only the worst wrong class (Crammer-Singer), not divided;
# the right class is zeroed, not removed, so it also competes with the score 0
one_hot = nn.functional.one_hot(y, 4).float()
pos = (one_hot * x).sum(dim=1)
neg = ((1 - one_hot) * x).amax(dim=1)
print("CategoricalHinge formula:", (neg - pos + 1).clamp(min=0))
