import torch
from torch.utils.data import TensorDataset, random_split

data = TensorDataset(torch.arange(10.0), torch.arange(10))

# Hold-out: 60% train, 20% validation, 20% test. Fractions or integer lengths.
g = torch.Generator().manual_seed(42)
train, val, test = random_split(data, [0.6, 0.2, 0.2], generator=g)
print("sizes:", len(train), len(val), len(test))
print("types:", type(train).__name__, "| val indices:", val.indices)
print(
    "disjoint and complete:", sorted(train.indices + val.indices + test.indices) == list(range(10))
)

# Fractions are floored, the remainder is dealt out round-robin from the first subset:
print("11 examples, [0.5, 0.5]:", [len(s) for s in random_split(range(11), [0.5, 0.5])])
print("7 examples, [0.4, 0.3, 0.3]:", [len(s) for s in random_split(range(7), [0.4, 0.3, 0.3])])
again = random_split(data, [0.6, 0.2, 0.2], generator=torch.Generator().manual_seed(42))
print("same generator seed, same split:", again[1].indices == val.indices)
