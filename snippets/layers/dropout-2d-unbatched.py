import warnings

import torch
from torch import nn

torch.manual_seed(0)

drop = nn.Dropout2d(p=0.5)
image = torch.ones(3, 4, 4)  # one (C, H, W) image without a batch dimension

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    wrong = drop(image)  # read as (N, C, L): drops ROWS of each channel, not channels
print(caught[0].category.__name__, "-", str(caught[0].message)[:60])
print("zeroed rows per channel:", (wrong == 0).all(dim=2).sum(dim=1).tolist())

right = drop(image.unsqueeze(0)).squeeze(0)  # add the batch dimension: (1, C, H, W)
print("channels zeroed as a whole:", (right == 0).flatten(1).all(dim=1).tolist())
