import torch

x = torch.zeros(2, 1, 3, 1)
print(tuple(torch.squeeze(x).shape))  # every size-1 dim
print(tuple(torch.squeeze(x, 1).shape))  # only dim 1
print(tuple(torch.squeeze(x, (1, 3)).shape))  # a tuple of dims (since 2.0)
print(tuple(torch.squeeze(x, 0).shape))  # dim 0 has size 2: nothing happens, no error
print("a view:", x.squeeze().data_ptr() == x.data_ptr())
