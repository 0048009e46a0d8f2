import torch

x = torch.arange(6).view(1, 2, 3)  # (C, H, W)
print(torch.flip(x, dims=[-1]).tolist())  # horizontal flip: reverse the columns (W)
print(torch.flip(x, dims=[-2]).tolist())  # vertical flip: reverse the rows (H)
print(torch.flip(x, dims=[-2, -1]).tolist())  # both = rotation by 180 degrees
print(torch.equal(torch.flip(x, dims=[-2, -1]), torch.rot90(x, 2, dims=[-2, -1])))

# flip copies the data (NumPy's np.flip returns a view)
y = torch.flip(x, dims=[-1])
y[0, 0, 0] = 100
print(x[0, 0].tolist(), y.data_ptr() != x.data_ptr())

# A random horizontal flip of half a batch, each image decided by a seeded generator
batch = torch.arange(4.0).view(4, 1, 1, 1).expand(4, 1, 2, 2) + torch.tensor([[0.0, 0.5]])
g = torch.Generator().manual_seed(0)
flip = torch.rand(4, generator=g) < 0.5
out = torch.where(flip.view(-1, 1, 1, 1), torch.flip(batch, dims=[-1]), batch)
print(flip.tolist(), out[:, 0, 0].tolist())
