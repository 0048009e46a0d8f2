import torch

from nnref.layers.merging import add

x = torch.randn(4, 1)  # one feature per example, kept as a column
update = torch.randn(4)  # the same values as a flat vector

y = x + update  # no error: (4, 1) + (4,) broadcasts to (4, 4)
print("x + update:", tuple(y.shape), "-- 16 values instead of 4")
print("fixed:", tuple((x + update.unsqueeze(1)).shape))
print("broadcast_shapes:", tuple(torch.broadcast_shapes(x.shape, update.shape)))
print("add() also broadcasts:", tuple(add([x, update]).shape))
