import torch

torch.manual_seed(0)
skip = torch.randn(2, 3, 8, 8)  # (N, C, H, W): encoder features kept for later
up = torch.randn(2, 5, 8, 8)  # decoder features of the same height and width

y = torch.cat([skip, up], dim=1)  # join channels; Keras: Concatenate()([...]) on NHWC
print("cat dim=1", tuple(y.shape))
print("slices are the inputs:", torch.equal(y[:, :3], skip), torch.equal(y[:, 3:], up))
print("default dim=0 joins batches:", tuple(torch.cat([skip, skip]).shape))
print("stack adds a new dimension:", tuple(torch.stack([skip, skip]).shape))
try:
    torch.cat([skip, torch.randn(2, 5, 4, 4)], dim=1)  # height and width differ
except RuntimeError as error:
    print("RuntimeError:", error)
