import numpy as np
import torch
from torch.utils.data import default_collate

samples = [
    {"image": torch.zeros(1, 2, 2), "label": 3, "weight": 0.5, "name": "a", "box": np.ones(4)},
    {"image": torch.ones(1, 2, 2), "label": 7, "weight": 1.5, "name": "b", "box": np.zeros(4)},
]
batch = default_collate(samples)
for key, value in batch.items():
    if isinstance(value, torch.Tensor):
        print(f"{key:6s} tensor {tuple(value.shape)} {value.dtype}")
    else:
        print(f"{key:6s} {type(value).__name__} {value}")

pairs = default_collate([(torch.tensor([1, 2]), 0), (torch.tensor([3, 4]), 1)])
print("tuples become a", type(pairs).__name__, "of", [t.tolist() for t in pairs])
