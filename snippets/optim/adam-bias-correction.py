import torch

# The first Adam step: m_hat = g and v_hat = g^2, so every weight moves by lr * g / (|g| + eps)
lr = 1e-3
w = torch.zeros(4, dtype=torch.float64, requires_grad=True)
optimizer = torch.optim.Adam([w], lr=lr)
w.grad = torch.tensor([1e-9, 1e-6, 1.0, 1e3], dtype=torch.float64)
optimizer.step()
print("gradients:       ", w.grad.numpy())
print("first step / lr: ", (-w.detach() / lr).numpy().round(4))

# Without bias correction (m and v used directly) the early steps would be much larger:
# m_t / sqrt(v_t) = m_hat / sqrt(v_hat) * (1 - 0.9**t) / sqrt(1 - 0.999**t)
for t in (1, 10, 100, 1000, 10000):
    print(
        f"t = {t:5}: uncorrected step / corrected step = {(1 - 0.9**t) / (1 - 0.999**t) ** 0.5:.2f}"
    )
