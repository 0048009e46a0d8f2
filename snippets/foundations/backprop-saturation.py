import torch
from torch import nn

torch.manual_seed(0)

# delta_{l-1} = (W_l^T delta_l) * sigma'(z_{l-1}): every sigmoid layer multiplies by sigma' <= 1/4
for name, act in [("sigmoid", nn.Sigmoid()), ("tanh", nn.Tanh()), ("relu", nn.ReLU())]:
    torch.manual_seed(0)
    layers = [nn.Linear(64, 64) for _ in range(10)]
    x = torch.randn(32, 64)
    hs = []
    for layer in layers:
        x = act(layer(x))
        x.retain_grad()  # keep dL/dh of this hidden (non-leaf) tensor
        hs.append(x)
    x.sum().backward()
    norms = [h.grad.norm().item() for h in hs]
    print(f"{name:7} |dL/dh| first layer / last layer = {norms[0] / norms[-1]:.1e}")
z = torch.zeros(1, requires_grad=True)
torch.sigmoid(z).backward()
print("sigmoid'(0), its maximum:", z.grad.item())
