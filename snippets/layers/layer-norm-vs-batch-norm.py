import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(6, 4) * 3 + 1  # 6 examples, 4 features

ln, bn = nn.LayerNorm(4), nn.BatchNorm1d(4)
zeros = torch.zeros(6)
print("LayerNorm: each row has mean 0:", torch.allclose(ln(x).mean(dim=1), zeros, atol=1e-6))
print("BatchNorm: each column has mean 0:", torch.allclose(bn(x).mean(dim=0), zeros[:4], atol=1e-6))

# LayerNorm of an example does not depend on the rest of the batch, or on the mode
print("LayerNorm, example alone = in batch:", torch.allclose(ln(x[:1]), ln(x)[:1]))
in_training = ln(x)
ln.eval()
print("LayerNorm, eval = train:", torch.equal(ln(x), in_training))

# BatchNorm of an example changes with its batch-mates
print("BatchNorm, in a batch of 3 = in a batch of 6:", torch.allclose(bn(x[:3])[0], bn(x)[0]))
