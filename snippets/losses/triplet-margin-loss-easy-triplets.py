import torch
from torch import nn

torch.manual_seed(0)
centres = torch.randn(10, 16)  # 10 classes; each sample is its centre plus noise
labels = torch.randint(0, 10, (1000, 3))
labels[:, 1] = labels[:, 0]  # positive: the anchor's class; negative: a random class
labels = labels[labels[:, 2] != labels[:, 0]]
a, p, n = (centres[labels[:, k]] + torch.randn(len(labels), 16) for k in range(3))

loss = nn.TripletMarginLoss(margin=1.0, reduction="none")(a, p, n)
active = loss > 0
print(f"random triplets with a non-zero loss: {active.float().mean():.1%}")
print(f"mean over all: {loss.mean():.4f}, mean over the active ones: {loss[active].mean():.4f}")
