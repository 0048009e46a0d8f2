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

print(
    "prefetch_factor:",
    DataLoader(data).prefetch_factor,
    DataLoader(data, num_workers=2).prefetch_factor,
)
for bad in [
    {"prefetch_factor": 2},  # only with num_workers > 0
    {"persistent_workers": True},  # only with num_workers > 0
    {"sampler": range(10), "shuffle": True},  # a sampler already fixes the order
    {"batch_sampler": [[0, 1]], "batch_size": 2},  # a batch sampler already makes the batches
    {"batch_size": None, "drop_last": True},  # no batching, nothing to drop
]:
    try:
        DataLoader(data, **bad)
    except ValueError:
        print("ValueError for", bad)
