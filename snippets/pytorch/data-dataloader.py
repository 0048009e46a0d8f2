import torch
from torch.utils.data import DataLoader, TensorDataset

data = TensorDataset(torch.arange(10.0).unsqueeze(1), torch.arange(10))

loader = DataLoader(data)  # the defaults: batch_size=1, no shuffling
print("default:", len(loader), "batches; first", [t.tolist() for t in next(iter(loader))])

loader = DataLoader(data, batch_size=4, shuffle=True, generator=torch.Generator().manual_seed(0))
for x, y in loader:
    print(tuple(x.shape), y.tolist())
print("len(loader) =", len(loader), "= ceil(10 / 4)")
print("epoch 2:", [y.tolist() for _, y in loader])  # a new permutation every epoch

again = DataLoader(data, batch_size=4, shuffle=True, generator=torch.Generator().manual_seed(0))
print("same seed, same epoch 1:", next(y.tolist() for _, y in again) == [3, 7, 5, 2])

short = DataLoader(data, batch_size=4, drop_last=True)
print("drop_last=True:", [y.tolist() for _, y in short])
print("shuffle=True uses", type(loader.sampler).__name__, "+", type(loader.batch_sampler).__name__)
