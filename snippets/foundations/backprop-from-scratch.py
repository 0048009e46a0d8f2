import torch
import torch.nn.functional as F

from nnref.autodiff.backprop import backprop

torch.manual_seed(0)
x = torch.randn(5, 3, dtype=torch.float64)
params = [
    torch.randn(4, 3, dtype=torch.float64, requires_grad=True),  # W1 (n_hidden, n_in)
    torch.randn(4, dtype=torch.float64, requires_grad=True),  # b1
    torch.randn(2, 4, dtype=torch.float64, requires_grad=True),  # W2 (n_out, n_hidden)
    torch.randn(2, dtype=torch.float64, requires_grad=True),  # b2
]
activations = {"tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu}
targets = {
    "mse": torch.randn(5, 2, dtype=torch.float64),
    "cross_entropy": torch.tensor([0, 1, 1, 0, 1]),
}
torch_losses = {"mse": F.mse_loss, "cross_entropy": F.cross_entropy}

for act, sigma in activations.items():
    for loss, target in targets.items():
        ours = backprop(x, target, *[p.detach() for p in params], activation=act, loss=loss)
        W1, b1, W2, b2 = params
        value = torch_losses[loss](F.linear(sigma(F.linear(x, W1, b1)), W2, b2), target)
        grads = torch.autograd.grad(value, params)
        same = [torch.allclose(g, o) for g, o in zip(grads, ours.gradients().values(), strict=True)]
        print(f"{act:7} {loss:13} loss {torch.allclose(value, ours.loss)} grads {same}")
print("shapes:", {k: tuple(v.shape) for k, v in ours.gradients().items()})
