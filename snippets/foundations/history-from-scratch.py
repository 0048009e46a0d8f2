import torch

from nnref.deep_signal import as_sequential, gradient_norms, init_weights

generator = torch.Generator().manual_seed(0)
x = torch.randn(8, 16, generator=generator, dtype=torch.float64)

for activation, init in [("sigmoid", "normal"), ("tanh", "xavier"), ("relu", "kaiming")]:
    weights = init_weights(10, 16, init, generator=generator)
    ours = gradient_norms(x, weights, activation)  # forward + backward written by hand

    model = as_sequential(weights, activation)  # the same weights in nn.Linear layers
    out = model(x)
    (out.pow(2).sum() / (2 * len(x))).backward()
    autograd = torch.stack([m.weight.grad.norm() for m in model if hasattr(m, "weight")])
    print(
        f"{activation:7s} {init:7s} shape {tuple(ours.shape)}",
        "equal to autograd:",
        torch.allclose(ours, autograd, rtol=1e-10, atol=0),
    )

# init_weights draws exactly what torch.nn.init.kaiming_normal_ draws
w = torch.empty(16, 16, dtype=torch.float64)
torch.nn.init.kaiming_normal_(w, nonlinearity="relu", generator=torch.Generator().manual_seed(1))
ours = init_weights(1, 16, "kaiming", generator=torch.Generator().manual_seed(1))[0]
print("same draws as kaiming_normal_:", torch.equal(w, ours))
