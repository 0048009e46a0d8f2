import torch

# 2 channels x 3 time steps, to be turned into 3 time steps x 2 channels
x = torch.tensor([[1, 2, 3], [10, 20, 30]])  # (C=2, L=3)

wrong = x.reshape(3, 2)  # same shape, but it only re-cuts the row-major sequence
right = x.permute(1, 0)  # moves the axes: element (c, l) goes to (l, c)
print("reshape:", wrong.tolist())
print("permute:", right.tolist())
print("same shape, different tensors:", wrong.shape == right.shape, torch.equal(wrong, right))
