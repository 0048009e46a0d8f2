import torch
from torch import nn

pool = nn.MaxPool2d(2, return_indices=True)
unpool = nn.MaxUnpool2d(2)

rows = [
    [1.0, 3.0, 2.0, 1.0],
    [4.0, 2.0, 0.0, 1.0],
    [5.0, 1.0, 2.0, 8.0],
    [0.0, 6.0, 7.0, 3.0],
]
image = torch.tensor(rows).view(1, 1, 4, 4)
pooled, indices = pool(image)
restored = unpool(pooled, indices)
print("output", tuple(restored.shape))
print(restored[0, 0])

# Every maximum here is positive, so pooling the restored map gives the pooled map back
print("pool(unpool(y)) == y:", torch.equal(pool(restored)[0], pooled))
