import torch
from torch import nn

torch.manual_seed(0)
batches = [torch.randn(16, 1) + 3 for _ in range(3)]
means = torch.stack([b.mean() for b in batches])

# momentum=0.1: running = 0.9 * running + 0.1 * batch_mean, starting from 0
bn = nn.BatchNorm1d(1, momentum=0.1)
for b in batches:
    bn(b)
expected = 0.0
for m in means:
    expected = 0.9 * expected + 0.1 * m
print("momentum=0.1 :", round(bn.running_mean.item(), 4), "=", round(expected.item(), 4))

# momentum=None: the plain average of every batch statistic seen so far
bn = nn.BatchNorm1d(1, momentum=None)
for b in batches:
    bn(b)
print("momentum=None:", round(bn.running_mean.item(), 4), "=", round(means.mean().item(), 4))

# Keras' BatchNormalization(momentum=0.99) keeps 0.99 of the old value: torch's momentum=0.01
keras_momentum = 0.99
print("torch momentum for Keras 0.99:", round(1 - keras_momentum, 2))
