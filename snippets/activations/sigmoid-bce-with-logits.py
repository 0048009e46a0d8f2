import torch
from torch import nn

logit = torch.tensor([20.0], requires_grad=True)  # confidently predicts class 1...
target = torch.tensor([0.0])  # ...but the true class is 0

wrong = nn.BCELoss()(torch.sigmoid(logit), target)  # sigmoid(20) rounds to 1.0 in float32
(grad_wrong,) = torch.autograd.grad(wrong, logit)
right = nn.BCEWithLogitsLoss()(logit, target)  # log-sum-exp inside: exact
(grad_right,) = torch.autograd.grad(right, logit)
print("Sigmoid + BCELoss:  ", wrong.item(), "gradient", grad_wrong.item())
print("BCEWithLogitsLoss:  ", right.item(), "gradient", grad_right.item())
