import torch

batch = torch.randn(1, 1, 28, 28)  # one grey 28x28 image: (N, C, H, W)

wrong = batch.squeeze()  # removes every size-1 dim, the batch dim too
print("squeeze():", tuple(wrong.shape))

right = batch.squeeze(1)  # name the dim: only the channel dim goes
print("squeeze(1):", tuple(right.shape))

other = torch.randn(4, 1, 28, 28)  # the same code on a batch of 4 behaves differently
print("squeeze() on N=4:", tuple(other.squeeze().shape))
