import numpy as np
import torch
from torch import nn

x = np.array([1.0, 2.0, 3.0, 4.0])
reflected = nn.ReflectionPad1d(2)(torch.tensor(x).view(1, 1, 4)).flatten().numpy()
replicated = nn.ReplicationPad1d(2)(torch.tensor(x).view(1, 1, 4)).flatten().numpy()
circular = nn.CircularPad1d(2)(torch.tensor(x).view(1, 1, 4)).flatten().numpy()

print("torch reflection  ", reflected)
print("numpy 'reflect'   ", np.pad(x, 2, mode="reflect"))  # the same
print("numpy 'symmetric' ", np.pad(x, 2, mode="symmetric"))  # repeats the edge: different
print("'edge' = replication:", np.array_equal(np.pad(x, 2, mode="edge"), replicated))
print("'wrap' = circular:   ", np.array_equal(np.pad(x, 2, mode="wrap"), circular))
