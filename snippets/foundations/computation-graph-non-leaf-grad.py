import warnings

import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
h = torch.tanh(x)  # an intermediate (non-leaf) tensor
loss = (h**2).sum()
loss.backward()

# .grad is filled only for leaves; reading it on h gives None and a warning
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("h.grad:", h.grad)
print("warning:", caught[0].category.__name__)

# retain_grad() asks autograd to keep dL/dh as well
h = torch.tanh(x)
h.retain_grad()
(h**2).sum().backward()
print("h.grad:", h.grad, "= 2h:", torch.allclose(h.grad, 2 * h))
