import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)


def shift(t, dy, dx):  # move the content dy rows down, dx columns right (wrapping around)
    return torch.roll(t, shifts=(dy, dx), dims=(-2, -1))


x = torch.randn(1, 3, 16, 16)
conv = nn.Conv2d(3, 8, kernel_size=3, padding=1, padding_mode="circular")

# Equivariance: convolving the shifted image = shifting the convolved image
same = torch.allclose(conv(shift(x, 2, 5)), shift(conv(x), 2, 5), atol=1e-6)
print("conv(T x) == T conv(x):", same)

# With zero padding it holds exactly away from the borders only
zero = nn.Conv2d(3, 8, kernel_size=3, padding=1)
diff = (zero(shift(x, 0, 5)) - shift(zero(x), 0, 5)).abs().amax(dim=(0, 1, 2))
print("zero padding, columns that differ:", torch.nonzero(diff > 1e-6).flatten().tolist())

# Pooling with stride 2 is equivariant to even shifts only
y = conv(x)
pooled = F.max_pool2d(y, 2)
even = F.max_pool2d(shift(y, 0, 2), 2)
print("pool(T2 y) == T1 pool(y):", torch.allclose(even, shift(pooled, 0, 1)))
print("pool(T1 y) == pool(y):   ", torch.allclose(F.max_pool2d(shift(y, 0, 1), 2), pooled))

# Global pooling after an equivariant stack: exactly invariant to every (circular) shift
features = y.amax(dim=(-2, -1))
print(
    "global max pool invariant:",
    all(
        torch.allclose(conv(shift(x, dy, dx)).amax(dim=(-2, -1)), features, atol=1e-6)
        for dy in range(16)
        for dx in range(16)
    ),
)
