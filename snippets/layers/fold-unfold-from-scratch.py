import torch
import torch.nn.functional as F

from nnref.layers.conv import col2im, im2col

torch.manual_seed(0)
x = torch.randn(2, 3, 8, 8)
w = torch.randn(5, 3, 3, 3)
b = torch.randn(5)

# im2col and col2im built from slicing, against F.unfold and F.fold
columns = im2col(x, kernel_size=3, padding=1, stride=2)
print(
    "columns",
    tuple(columns.shape),
    "== F.unfold:",
    torch.equal(columns, F.unfold(x, 3, padding=1, stride=2)),
)
print(
    "col2im == F.fold:",
    torch.allclose(
        col2im(columns, (8, 8), 3, padding=1, stride=2),
        F.fold(columns, (8, 8), 3, padding=1, stride=2),
    ),
)

# A convolution is one matrix product: (5, 27) @ (2, 27, 16) -> (2, 5, 16) -> (2, 5, 4, 4)
y = (w.reshape(5, -1) @ columns).reshape(2, 5, 4, 4) + b.reshape(1, 5, 1, 1)
print(
    "unfold + matmul + reshape == conv2d:",
    torch.allclose(y, F.conv2d(x, w, b, padding=1, stride=2), atol=1e-5),
)
