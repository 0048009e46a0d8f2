import torch
from torch import nn

torch.manual_seed(0)
backbone = nn.Sequential(nn.Conv2d(1, 4, 3), nn.BatchNorm2d(4), nn.ReLU())
backbone.requires_grad_(False)  # "frozen"
before = backbone[1].running_mean.clone()

backbone.train()  # model.train() for the new head also puts the frozen BatchNorm in train mode
backbone(torch.randn(16, 1, 8, 8) + 2.0)  # target images with other statistics
print("train mode, running_mean changed:", not torch.equal(backbone[1].running_mean, before))
print("and no parameter has a gradient: ", all(p.grad is None for p in backbone.parameters()))

backbone[1].running_mean.copy_(before)
backbone.train()
backbone[1].eval()  # the fix: BatchNorm layers of a frozen backbone stay in eval mode
backbone(torch.randn(16, 1, 8, 8) + 2.0)
print("eval mode, running_mean changed: ", not torch.equal(backbone[1].running_mean, before))
