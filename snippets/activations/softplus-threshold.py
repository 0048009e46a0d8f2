import torch
import torch.nn.functional as F

x = torch.tensor([0.999, 1.0, 1.001], dtype=torch.float64, requires_grad=True)
y = F.softplus(x, beta=1.0, threshold=1.0)  # a low threshold: the cut-off is visible
y.sum().backward()
print("values:   ", y.detach().round(decimals=4))  # jumps from log(1 + e) to 1
print("gradients:", x.grad.round(decimals=4))  # jumps from sigmoid(1) to 1

# the default threshold=20 has the same jump, only tiny: log(1 + exp(20)) - 20
at_threshold = F.softplus(torch.tensor(20.0, dtype=torch.float64))
print(f"default threshold, float64 jump: {at_threshold.item() - 20:.2e}")
print("in float32 there is no jump:", F.softplus(torch.tensor(20.0)).item() == 20.0)
