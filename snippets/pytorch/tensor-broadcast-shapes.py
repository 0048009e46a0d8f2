import torch

print(torch.broadcast_shapes((8, 1, 6), (7, 1)))  # aligned on the right
print(torch.broadcast_shapes((3,), (2, 1), (1, 1, 1)))
a, b = torch.zeros(8, 1, 6), torch.zeros(7, 1)
print(tuple((a + b).shape))  # what the operation really gives

try:
    torch.broadcast_shapes((2, 3), (4, 3))  # 2 vs 4: neither is 1
except RuntimeError as error:
    print("RuntimeError:", error)
