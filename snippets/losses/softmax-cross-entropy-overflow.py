import torch

z = torch.tensor([1000.0, 0.0, -1000.0])
print("exp(z):", z.exp())  # exp(1000) overflows float32 (and float64) to inf
print("naive softmax exp(z) / sum exp(z):", z.exp() / z.exp().sum())  # inf / inf = nan

m = z.max()
print("softmax of z - max(z):", (z - m).exp() / (z - m).exp().sum())

print("naive log(sum(exp(z))):", z.exp().sum().log())
print("m + log(sum(exp(z - m))):", m + (z - m).exp().sum().log())
print("torch.logsumexp:", torch.logsumexp(z, dim=0))
