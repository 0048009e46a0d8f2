import torch

column = torch.tensor([[1], [2], [3]])  # (3, 1)
e = column.expand(3, 4)  # a view: stride 0 along the new columns, nothing copied
print(tuple(e.shape), e.stride(), e.data_ptr() == column.data_ptr())
print(e.tolist())
print(tuple(column.expand(2, -1, 4).shape))  # -1 keeps a size; new dims go in front

r = column.repeat(1, 4)  # repeat copies: a new (3, 4) tensor
print(tuple(r.shape), r.stride(), torch.equal(r, e))
print(tuple(column.repeat(2, 2).shape))  # repeat tiles: (3*2, 1*2)
