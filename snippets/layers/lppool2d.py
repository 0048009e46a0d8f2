import torch
from torch import nn

torch.manual_seed(0)

pool = nn.LPPool2d(norm_type=2, kernel_size=2)
x = torch.randn(4, 8, 16, 16)
y = pool(x)
print("output", tuple(y.shape))

# p = 2: the square root of the sum of squares of each 2 x 2 window
sum_of_squares = nn.AvgPool2d(2)(x**2) * 4
print("sqrt of window sum of x^2:", torch.allclose(y, sum_of_squares.sqrt()))

# p = inf: the largest absolute value of each window
print("p=inf is max |x|:", torch.equal(nn.LPPool2d(float("inf"), 2)(x), nn.MaxPool2d(2)(x.abs())))
