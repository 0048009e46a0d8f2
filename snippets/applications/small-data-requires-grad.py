import torch
from torch import nn

torch.manual_seed(0)
backbone = nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten())
head = nn.Linear(8, 3)
model = nn.Sequential(backbone, head)

print(backbone.requires_grad_(False) is backbone)  # in place, returns the module itself
print(
    "trainable:",
    sum(p.numel() for p in model.parameters() if p.requires_grad),
    "of",
    sum(p.numel() for p in model.parameters()),
)

# Give the optimizer only what should change (the frozen tensors would be skipped anyway)
optimizer = torch.optim.SGD(filter(lambda p: p.requires_grad, model.parameters()), lr=0.1)
weight = backbone[0].weight.clone()
loss = nn.functional.cross_entropy(model(torch.randn(4, 1, 6, 6)), torch.tensor([0, 1, 2, 0]))
loss.backward()
optimizer.step()
print(
    "backbone grad:",
    backbone[0].weight.grad,
    " unchanged:",
    torch.equal(weight, backbone[0].weight),
)
print("head grad:", tuple(head.weight.grad.shape))

backbone.requires_grad_()  # default True: unfreeze for fine-tuning
print("trainable:", sum(p.numel() for p in model.parameters() if p.requires_grad))
