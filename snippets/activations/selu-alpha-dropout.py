import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(512, 128)

linears = []
for _ in range(16):
    linear = nn.Linear(128, 128)
    nn.init.kaiming_normal_(linear.weight, nonlinearity="linear")  # LeCun normal
    nn.init.zeros_(linear.bias)
    linears.append(linear)

for dropout in (nn.Dropout(p=0.2), nn.AlphaDropout(p=0.2)):  # both in training mode
    torch.manual_seed(1)
    h = x
    with torch.no_grad():
        for linear in linears:
            h = dropout(nn.functional.selu(linear(h)))
    print(f"{type(dropout).__name__:12s} after 16 layers: mean {h.mean():+.2f} std {h.std():.2f}")
