import torch
from torch import nn

torch.manual_seed(0)

# The head of torchvision's ResNet: any feature-map size -> one number per channel
pool = nn.AdaptiveAvgPool2d(output_size=1)
for size in (7, 12):
    features = torch.randn(2, 512, size, size)
    print(size, "->", tuple(pool(features).shape))

x = torch.randn(2, 512, 7, 7)
print("mean over H, W:", torch.allclose(pool(x), x.mean(dim=(2, 3), keepdim=True)))

# (7, 7) on a 7 x 7 map changes nothing: every window holds one element
print("identity on 7x7:", torch.equal(nn.AdaptiveAvgPool2d((7, 7))(x), x))
