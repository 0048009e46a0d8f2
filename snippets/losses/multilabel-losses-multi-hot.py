import torch
from torch import nn

x = torch.tensor([[0.1, 0.2, 0.4, 0.8]])
loss_fn = nn.MultiLabelMarginLoss()

# the sample has classes 0 and 3; a multi-hot row is read as the class list [1, 0, 0, 1]
multi_hot = torch.tensor([[1, 0, 0, 1]])
print("wrong, multi-hot row:", loss_fn(x, multi_hot))

# right: the indices of the classes first, then -1
order = multi_hot.argsort(dim=1, descending=True, stable=True)
indices = torch.where(multi_hot.gather(1, order).bool(), order, -1)
print("index list:", indices)
print("right, index list:   ", loss_fn(x, indices))
