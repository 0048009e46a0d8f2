import torch
from torch import nn

prediction = torch.tensor([2.5, 0.0, 2.0, 8.0])
target = torch.tensor([3.0, -0.5, 2.0, 7.0])

for reduction in ("mean", "sum", "none"):
    loss = nn.MSELoss(reduction=reduction)(prediction, target)
    print(f"{reduction:>4}:", loss)

# mean = sum / number of elements: (0.25 + 0.25 + 0 + 1) / 4
print(((prediction - target) ** 2).mean())

# MSE has no square root; the root mean squared error is a different number
print("RMSE = sqrt(MSE):", nn.MSELoss()(prediction, target).sqrt())
