import torch

x = torch.tensor([1.0, 2.0, 3.0, 4.0])
print(round(torch.std(x).item(), 4))  # correction=1: divides by n - 1 = 3 (sample std)
print(round(torch.std(x, correction=0).item(), 4))  # divides by n = 4 (population std)
print((x.var() * 3 / 4).item(), torch.var(x, correction=0).item())
print(torch.allclose(torch.std(x), ((x - x.mean()) ** 2).sum().div(3).sqrt()))

m = torch.tensor([[1.0, 2.0], [3.0, 6.0]])
std, mean = torch.std_mean(m, dim=1)  # both in one call
print(torch.std(m, dim=0), std, mean)
