import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)
net = nn.Sequential(
    nn.Linear(100, 200), nn.Tanh(), nn.Linear(200, 200), nn.Tanh(), nn.Linear(200, 10)
)
P = sum(p.numel() for p in net.parameters())
x = torch.randn(32, 100)


def flops(fn):
    with FlopCounterMode(display=False) as counter:
        fn()
    return counter.get_total_flops()


# Matrix-multiplication FLOPs (deterministic counts, not timings)
forward = flops(lambda: net(x).square().mean())
loss = net(x).square().mean()
backward = flops(loss.backward)
print(f"parameters: {P}")
print(f"forward: {forward:.3e} | backward: {backward:.3e} | ratio {backward / forward:.2f}")

# Each Linear layer needs two products backward (dL/dX = G W, dL/dW = G^T X); the first
# layer skips dL/dX because x does not require grad. With x.requires_grad the ratio is 2.
xg = x.clone().requires_grad_()
loss = net(xg).square().mean()
print(f"ratio with x.requires_grad: {flops(loss.backward) / forward:.2f}")

# Finite differences would need P + 1 forward passes for one gradient
print(f"forward passes for one gradient: finite differences {P + 1}, reverse mode 1 (+ backward)")
