import torch
from torch import nn


def window(layer, channels=6):
    """M[c, j] = 1 when changing input channel j changes output channel c."""
    x = torch.ones(1, channels, 1, 1)
    columns = []
    for j in range(channels):
        bumped = x.clone()
        bumped[0, j] = 2.0
        columns.append((layer(bumped) != layer(x))[0, :, 0, 0])
    return torch.stack(columns, dim=1).long()


print("LocalResponseNorm(3):")
print(window(nn.LocalResponseNorm(3, alpha=1.0)))
print("CrossMapLRN2d(3):")
print(window(nn.CrossMapLRN2d(3, alpha=1.0)))  # channel 0 is never dropped from the sum

# Its hand-written backward is not the derivative of its forward
torch.manual_seed(0)
x = torch.randn(1, 4, 2, 2, dtype=torch.float64, requires_grad=True)
for layer in (nn.CrossMapLRN2d(3, alpha=0.5), nn.LocalResponseNorm(3, alpha=0.5)):
    ok = torch.autograd.gradcheck(layer, (x,), raise_exception=False)
    print("gradcheck", type(layer).__name__, ok)
