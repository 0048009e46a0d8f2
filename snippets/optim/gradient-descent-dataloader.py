import math

import torch
from torch.utils.data import DataLoader, TensorDataset

dataset = TensorDataset(torch.arange(100.0))  # n = 100 examples

for batch_size in (1, 32, 100):
    loader = DataLoader(dataset, batch_size=batch_size, shuffle=True)
    sizes = [len(batch) for (batch,) in loader]
    print(
        f"batch_size {batch_size:3d}: {len(loader):3d} iterations per epoch"
        f" (ceil = {math.ceil(100 / batch_size)}), last batch {sizes[-1]}"
    )

loader = DataLoader(dataset, batch_size=32, shuffle=True, drop_last=True)
print("drop_last=True:", len(loader), "iterations, sizes", [len(b) for (b,) in loader])
print("10 epochs of batch_size 32 =", 10 * math.ceil(100 / 32), "optimizer steps")
