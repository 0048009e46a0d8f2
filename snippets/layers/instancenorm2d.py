import torch
from torch import nn

torch.manual_seed(0)

inorm = nn.InstanceNorm2d(num_features=3, affine=True)  # learnable weight and bias, shape (C,)
x = torch.randn(4, 3, 8, 8) * 2 + 5  # e.g. feature maps inside a style-transfer network
y = inorm(x)
print("output", tuple(y.shape))
print(
    "each image and channel has mean 0:",
    torch.allclose(y.mean(dim=(2, 3)), torch.zeros(4, 3), atol=1e-5),
)

# Statistics are per example: the batch has no influence, and train = eval by default
print("image alone = in batch:", torch.allclose(inorm(x[:1]), y[:1], atol=1e-6))
print("eval = train:", torch.allclose(inorm.eval()(x), y))
