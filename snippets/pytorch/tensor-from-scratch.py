import torch

from nnref.tensor.strides import (
    broadcast_shapes,
    contiguous_strides,
    gather,
    permute_strides,
    reduced_shape,
    view_strides,
)

x = torch.arange(24).reshape(2, 3, 4)
print("contiguous strides:", contiguous_strides((2, 3, 4)), x.stride())

shape, strides = permute_strides(x.shape, x.stride(), (2, 0, 1))
p = x.permute(2, 0, 1)
print("permute:", shape, strides, (tuple(p.shape), p.stride()) == (shape, strides))
print("same values:", torch.equal(gather(x.flatten(), shape, strides), p))

# view strides, or None where torch's view raises and reshape copies
print("x.view(6, 4):", view_strides(x.shape, x.stride(), (6, 4)), x.view(6, 4).stride())
print("p.view(4, 6):", view_strides(p.shape, p.stride(), (4, 6)), p.view(4, 6).stride())
print("p.view(24):", view_strides(p.shape, p.stride(), (24,)))  # view raises here

print(
    "broadcast:",
    broadcast_shapes((8, 1, 6), (7, 1)),
    tuple(torch.broadcast_shapes((8, 1, 6), (7, 1))),
)
print(
    "reduction:",
    reduced_shape((2, 3, 4), dim=(0, 2), keepdim=True),
    tuple(x.sum((0, 2), keepdim=True).shape),
)
