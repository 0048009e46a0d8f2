import torch
from torch import nn

pool = nn.MaxPool2d(2, return_indices=True)
unpool = nn.MaxUnpool2d(2)

# A 5 x 5 input pools to 2 x 2, but 2 x 2 unpools to 4 x 4 by default
x = 30 - torch.arange(25.0).view(1, 1, 5, 5)  # maxima in the top-left corner of each window
pooled, indices = pool(x)
print("indices", indices.tolist())  # flat positions in a row of width 5
print(unpool(pooled, indices)[0, 0])  # read with width 4: 20 and 18 land elsewhere
print(unpool(pooled, indices, output_size=x.shape)[0, 0, 2].tolist())  # row 2, correct

y = torch.arange(25.0).view(1, 1, 5, 5)  # maxima in the bottom-right corners
pooled, indices = pool(y)
try:
    unpool(pooled, indices)
except RuntimeError as error:
    print("RuntimeError:", error)
