import torch
from torch import nn

from nnref.layers.reshaping import channel_shuffle, flatten, reshape, unflatten

x = torch.randn(2, 6, 3, 4)
checks = {
    "reshape": (reshape(x, (4, -1, 3)), x.reshape(4, -1, 3)),
    "flatten": (flatten(x), nn.Flatten()(x)),
    "flatten 1..2": (flatten(x, 1, 2), nn.Flatten(1, 2)(x)),
    "unflatten": (unflatten(x, 1, (2, 3)), nn.Unflatten(1, (2, 3))(x)),
    "channel_shuffle": (channel_shuffle(x, 3), nn.ChannelShuffle(3)(x)),
}
for name, (ours, theirs) in checks.items():
    print(f"{name:16}", tuple(ours.shape), torch.equal(ours, theirs))
