import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(4, 3)
optimizer = torch.optim.Adafactor(layer.parameters())  # lr=1e-2, beta2_decay=-0.8, d=1.0
x, y = torch.randn(8, 4), torch.randn(8, 3)


def rms(t):
    return t.pow(2).mean().sqrt().item()


before = [p.detach().clone() for p in layer.parameters()]
optimizer.zero_grad()
nn.functional.mse_loss(layer(x), y).backward()
optimizer.step()

for name, p, old in zip(("weight", "bias"), layer.parameters(), before, strict=True):
    state = optimizer.state[p]
    shapes = {key: tuple(value.shape) for key, value in state.items() if key != "step"}
    print(f"{name} {tuple(p.shape)}: state {shapes}")
    # relative step: the change is at most rho_1 = min(lr, 1) = 0.01 times RMS(p)
    print(f"  RMS(change) / RMS(p) = {rms(p - old) / rms(old):.4f}")

weight_state = optimizer.state[layer.weight]
kept = weight_state["row_var"].numel() + weight_state["col_var"].numel()
print(f"second-moment numbers for the weight: {kept} instead of {layer.weight.numel()}")
