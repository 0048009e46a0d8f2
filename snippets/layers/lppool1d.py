import torch
from torch import nn

pool = nn.LPPool1d(norm_type=2, kernel_size=3)  # stride defaults to kernel_size
x = torch.tensor([[[3.0, 4.0, 0.0, 1.0, 2.0, 2.0]]])
y = pool(x)
print("output", tuple(y.shape))
print(y.tolist())  # sqrt(9 + 16 + 0) = 5, sqrt(1 + 4 + 4) = 3

# The Euclidean norm of each window
print("norm of each window:", torch.allclose(y, x.unfold(2, 3, 3).norm(dim=-1)))
