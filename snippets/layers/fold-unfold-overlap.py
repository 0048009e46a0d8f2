import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(1, 1, 5, 5)
unfold = nn.Unfold(kernel_size=3)  # stride 1: the windows overlap
fold = nn.Fold(output_size=(5, 5), kernel_size=3)

print("Fold(Unfold(x)) == x:", torch.allclose(fold(unfold(x)), x))

# Fold sums the copies: each pixel is multiplied by the number of windows covering it
counts = fold(unfold(torch.ones_like(x)))
print(counts[0, 0].int())
print("divided by the counts == x:", torch.allclose(fold(unfold(x)) / counts, x))
