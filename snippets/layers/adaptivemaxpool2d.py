import torch
from torch import nn

torch.manual_seed(0)

pool = nn.AdaptiveMaxPool2d(output_size=(2, 2))
for size in (7, 10):
    print(size, "->", tuple(pool(torch.randn(1, 64, size, size)).shape))

# output_size=1 is global max pooling; torch keeps the two axes with size 1
x = torch.randn(8, 64, 7, 7)
global_max = nn.AdaptiveMaxPool2d(1)(x)
print("global", tuple(global_max.shape), torch.equal(global_max, x.amax(dim=(2, 3), keepdim=True)))

# None keeps an axis: pool the width only
print("(None, 1):", tuple(nn.AdaptiveMaxPool2d((None, 1))(x).shape))
