import torch

import nnref

prediction = torch.tensor([2.5, 0.0, 2.0, 8.0], requires_grad=True)
target = torch.tensor([3.0, -0.5, 2.0, 7.0])

for reduction in ("mean", "sum", "none"):
    ours = nnref.mse_loss(prediction, target, reduction=reduction)
    theirs = torch.nn.functional.mse_loss(prediction, target, reduction=reduction)
    print(f"{reduction:>4}: equal to torch: {torch.allclose(ours, theirs)}")

nnref.mse_loss(prediction, target).backward()
print("gradient 2(x - y)/N:", prediction.grad)
