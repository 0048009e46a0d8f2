import torch

v = torch.tensor([1.0, 2.0, 3.0])  # (3,)
print(tuple(torch.unsqueeze(v, 0).shape), tuple(v.unsqueeze(1).shape), tuple(v.unsqueeze(-1).shape))
print(tuple(v[None, :, None].shape))  # indexing with None does the same

# a column (3, 1) against a row (1, 3): broadcasting builds a (3, 3) table
table = v.unsqueeze(1) - v.unsqueeze(0)
print(table.tolist())
image = torch.zeros(3, 28, 28)
print(tuple(image.unsqueeze(0).shape))  # add the batch dim for a model
