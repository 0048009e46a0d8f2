import torch

x = torch.arange(24.0).reshape(2, 3, 4)
print(torch.sum(x).item(), tuple(torch.sum(x).shape))  # everything -> 0-d
print(tuple(torch.sum(x, dim=1).shape))  # dim 1 disappears
print(tuple(torch.sum(x, dim=1, keepdim=True).shape))  # dim 1 stays with size 1
print(tuple(torch.sum(x, dim=(0, 2)).shape), torch.sum(x, dim=(0, 2)).tolist())
print(tuple(torch.sum(x, dim=-1).shape))  # negative dims count from the end
print(torch.sum(torch.tensor([1, 2, 3]), dtype=torch.float64))  # choose the result dtype
print(torch.sum(torch.tensor([True, True, False])).item())  # bools count as 0/1, result int64
