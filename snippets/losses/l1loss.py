import torch
from torch import nn

prediction = torch.tensor([2.5, 0.0, 2.0, 8.0], requires_grad=True)
target = torch.tensor([3.0, -0.5, 2.0, 7.0])

for reduction in ("mean", "sum", "none"):
    loss = nn.L1Loss(reduction=reduction)(prediction, target)
    print(f"{reduction:>4}:", loss.detach())

nn.L1Loss(reduction="sum")(prediction, target).backward()
# sign(prediction - target), and 0 where the prediction equals the target
print("gradient:", prediction.grad)
