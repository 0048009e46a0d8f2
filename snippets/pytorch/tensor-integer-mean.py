import torch

labels = torch.tensor([1, 0, 1, 1])  # an int64 tensor (integer literals)
predicted = torch.tensor([1, 1, 1, 0])

try:
    (predicted == labels).mean()  # a bool tensor has no mean
except RuntimeError as error:
    print("RuntimeError:", error)

print("accuracy:", (predicted == labels).float().mean().item())
print("sum of bools:", (predicted == labels).sum().item(), (predicted == labels).sum().dtype)
print("integer division:", (torch.tensor([7]) / 2).tolist(), (torch.tensor([7]) // 2).tolist())
