import torch

f64 = torch.float64

# A 2-3-2 network with small round weights: x -> z1 = W1 x + b1 -> h = tanh(z1) -> z2 = W2 h + b2
x = torch.tensor([1.0, 2.0], dtype=f64)
W1 = torch.tensor([[0.1, 0.2], [-0.3, 0.1], [0.2, -0.1]], dtype=f64, requires_grad=True)  # (3, 2)
b1 = torch.tensor([0.0, 0.2, -0.1], dtype=f64, requires_grad=True)  # (3,)
W2 = torch.tensor([[0.3, -0.2, 0.1], [0.2, 0.1, -0.3]], dtype=f64, requires_grad=True)  # (2, 3)
b2 = torch.tensor([0.1, -0.1], dtype=f64, requires_grad=True)  # (2,)
params = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def show(name, t):
    print(f"{name:8}", (t.detach().numpy().round(4) + 0.0).tolist())


# Forward pass: keep every intermediate value, the backward pass needs them
z1 = W1 @ x + b1
h = torch.tanh(z1)
z2 = W2 @ h + b2
show("z1", z1)
show("h", h)
show("z2", z2)

for loss_name in ["mse", "cross-entropy"]:
    if loss_name == "mse":
        y = torch.tensor([1.0, 0.0], dtype=f64)
        loss = ((z2 - y) ** 2).mean()  # F.mse_loss: (1/m) ||z2 - y||^2, m = 2
        delta2 = 2 * (z2 - y) / 2  # dL/dz2
    else:
        y = torch.tensor([1.0, 0.0], dtype=f64)  # one-hot: class 0
        loss = -(y * torch.log_softmax(z2, dim=0)).sum()
        delta2 = torch.softmax(z2, dim=0) - y  # dL/dz2 = softmax(z2) - y
    print(f"--- {loss_name}: L = {loss.item():.4f}")
    with torch.no_grad():  # the backward pass by hand
        grads = {"W2": torch.outer(delta2, h), "b2": delta2}  # delta2 h^T, delta2
        delta1 = (W2.T @ delta2) * (1 - h**2)  # (W2^T delta2) * tanh'(z1)
        grads["W1"] = torch.outer(delta1, x)  # delta1 x^T
        grads["b1"] = delta1
    show("delta2", delta2)
    show("delta1", delta1)
    autograd = dict(
        zip(
            params, torch.autograd.grad(loss, list(params.values()), retain_graph=True), strict=True
        )
    )
    for name in ["W2", "b2", "W1", "b1"]:
        show(f"dL/d{name}", grads[name])
        show("autograd", autograd[name])
        print("  equal:", torch.allclose(grads[name], autograd[name]))
