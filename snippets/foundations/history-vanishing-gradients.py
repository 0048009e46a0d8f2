import torch

from nnref.deep_signal import signal_experiment

# 20 layers of width 64, the same batch of 32 inputs, float64. Gradient norm ||dL/dW_l||
# at the first layer (next to the input) and at the last one, for four recipes:
norms = signal_experiment(depth=20, width=64, batch=32, seed=0)
for (activation, init), n in norms.items():
    print(
        f"{activation:7s} {init:7s}  first {n[0]:8.1e}  last {n[-1]:8.1e}  "
        f"first/last {n[0] / n[-1]:8.1e}"
    )

# Why sigmoid loses the gradient: its derivative is at most 1/4, once per layer
z = torch.linspace(-6, 6, 1201, requires_grad=True)
torch.sigmoid(z).sum().backward()
print("max sigmoid'(z):", z.grad.max().item(), " 0.25**19 =", f"{0.25**19:.1e}")
