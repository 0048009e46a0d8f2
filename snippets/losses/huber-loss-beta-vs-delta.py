import torch
from torch import nn

prediction = torch.tensor([0.0, 0.05, 2.0], requires_grad=True)
target = torch.zeros(3)
threshold = 0.1

for loss_fn in (
    nn.SmoothL1Loss(beta=threshold, reduction="sum"),
    nn.HuberLoss(delta=threshold, reduction="sum"),
):
    prediction.grad = None
    loss = loss_fn(prediction, target)
    loss.backward()
    print(f"{type(loss_fn).__name__:>12}: loss {loss.item():.4f}, gradient {prediction.grad}")
