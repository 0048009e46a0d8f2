import torch

z = torch.tensor([2.0, 1.0, 0.1])
s = torch.softmax(z, dim=0)

jacobian = torch.autograd.functional.jacobian(lambda t: torch.softmax(t, dim=0), z)
print("Jacobian == diag(s) - s s^T:", torch.allclose(jacobian, torch.diag(s) - torch.outer(s, s)))
print("its rows sum to 0:", torch.allclose(jacobian.sum(dim=1), torch.zeros(3), atol=1e-7))

print("softmax(z + 100) == softmax(z):", torch.allclose(torch.softmax(z + 100, dim=0), s))
print("softmax(2 z) == softmax(z):", torch.allclose(torch.softmax(2 * z, dim=0), s))

for temperature in (0.1, 0.5, 1.0, 2.0, 10.0):
    print(f"T = {temperature:>4}:", torch.softmax(z / temperature, dim=0).round(decimals=3))
