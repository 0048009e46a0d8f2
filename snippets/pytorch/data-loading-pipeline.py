import torch
from torch.utils.data import BatchSampler, DataLoader, RandomSampler, TensorDataset, default_collate

data = TensorDataset(torch.arange(7.0).unsqueeze(1), torch.arange(7) * 10)

# What DataLoader(data, batch_size=3, shuffle=True, generator=g) does, step by step:
g = torch.Generator().manual_seed(0)
torch.empty((), dtype=torch.int64).random_(generator=g)  # 0. the per-epoch base seed for workers
sampler = RandomSampler(data, generator=g)  # 1. sampler: an order of indices
batch_sampler = BatchSampler(sampler, batch_size=3, drop_last=False)  # 2. lists of indices
by_hand = []
for indices in batch_sampler:
    samples = [data[i] for i in indices]  # 3. fetch: dataset[i] for each index
    by_hand.append(default_collate(samples))  # 4. collate: a list of samples -> one batch

loader = DataLoader(data, batch_size=3, shuffle=True, generator=torch.Generator().manual_seed(0))
for (x, y), (hx, hy) in zip(loader, by_hand, strict=True):
    print(y.tolist(), tuple(x.shape), torch.equal(x, hx) and torch.equal(y, hy))
