import torch
from torch import nn

act = nn.PReLU(num_parameters=3)  # 3 channels, read from dimension 1
channels_last = torch.randn(2, 8, 8, 3)  # (N, H, W, C), as Keras or PIL/NumPy images store them

try:
    act(channels_last)
except RuntimeError as error:
    print("RuntimeError:", error)

print(tuple(act(channels_last.permute(0, 3, 1, 2)).shape))  # move C to dimension 1

unbatched = torch.randn(3, 8)  # (C, L) without a batch: dimension 1 is L, not C
try:
    act(unbatched)
except RuntimeError as error:
    print("RuntimeError:", error)
print(tuple(act(unbatched.unsqueeze(0)).shape))  # add the batch dimension
