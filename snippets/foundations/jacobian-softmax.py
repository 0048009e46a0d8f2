import torch
from torch.autograd.functional import jacobian

z = torch.tensor([2.0, 1.0, 0.1], dtype=torch.float64)

# An elementwise function has a diagonal Jacobian: diag(phi'(z))
J = jacobian(torch.tanh, z)
print("tanh: diagonal:", torch.equal(J, torch.diag(torch.diagonal(J))))
print("tanh: diag = 1 - tanh^2:", torch.allclose(torch.diagonal(J), 1 - torch.tanh(z) ** 2))

# Softmax mixes its inputs: a full Jacobian diag(s) - s s^T
s = torch.softmax(z, dim=0)
J = jacobian(lambda v: torch.softmax(v, dim=0), z)
print("softmax: diag(s) - s s^T:", torch.allclose(J, torch.diag(s) - torch.outer(s, s)))
print(J.round(decimals=3))
print("symmetric:", torch.allclose(J, J.T), "| row sums:", J.sum(1).abs().max().item() < 1e-15)
