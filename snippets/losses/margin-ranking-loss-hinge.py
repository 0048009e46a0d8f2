import torch
from torch import nn

score = torch.tensor([2.0, 0.3, -0.5, -3.0])  # f(x) of a binary classifier
y = torch.tensor([1.0, 1.0, 1.0, -1.0])

# the SVM hinge of keras.losses.Hinge: mean(max(0, 1 - y f(x)))
hinge = (1 - y * score).clamp(min=0)
print("hinge:", hinge)
ranking = nn.MarginRankingLoss(margin=1.0, reduction="none")(score, torch.zeros(4), y)
print("MarginRankingLoss(margin=1) against 0:", torch.equal(ranking, hinge))
print("squared hinge (keras.losses.SquaredHinge):", hinge.pow(2).mean())
