import numpy as np
from torch import nn
from torch.utils.data import DataLoader

# Features stored as NumPy float64 arrays (NumPy's default) and targets as Python floats:
rng = np.random.default_rng(0)
samples = [(rng.normal(size=2), 0.5), (rng.normal(size=2), 1.5)]
x, y = next(iter(DataLoader(samples, batch_size=2)))
print("x:", x.dtype, "| y:", y.dtype)  # default_collate keeps float64

model = nn.Linear(2, 1)  # float32 parameters
try:
    model(x)
except RuntimeError as error:
    print("RuntimeError:", error)

# Fix: convert once, in the dataset or a transform (np.float32 arrays, or x.float()).
prediction = model(x.float()).squeeze(1)
loss = nn.functional.mse_loss(prediction, y.float())
print("after .float():", prediction.dtype, loss.dtype)
