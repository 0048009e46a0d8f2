import math

import torch
from torch import nn

torch.manual_seed(0)

p = 0.2
x = torch.randn(1_000_000)  # zero mean, unit variance, as SELU networks keep it

alpha_drop = nn.AlphaDropout(p)
y = alpha_drop(x)
y_plain = nn.Dropout(p)(x)
for name, out in [("AlphaDropout", y), ("Dropout", y_plain)]:  # Dropout: std 1/sqrt(1-p)
    print(f"{name:12} |mean| < 0.01: {abs(out.mean().item()) < 0.01}, std {out.std():.2f}")

# torch's constants: alpha = SELU scale * alpha, and the affine correction a, b
alpha = 1.7580993408473766
a = 1 / math.sqrt((alpha**2 * p + 1) * (1 - p))
b = alpha * a * p
dropped = -alpha * a * (1 - p)  # = a * (-alpha) + b, the value of every dropped element
print(f"a = {a:.4f}, b = {b:.4f}, dropped value = {dropped:.4f}")

kept = torch.isclose(y, a * x + b)
print("dropped fraction:", round(1 - kept.float().mean().item(), 2))
print("dropped are constant:", torch.allclose(y[~kept], torch.tensor(dropped)))

alpha_drop.eval()
print("identity in eval:", torch.equal(alpha_drop(x), x))
