import torch

torch.manual_seed(0)
w = torch.zeros(2, requires_grad=True)
optimizer = torch.optim.ASGD([w])  # lr=0.01, lambd=1e-4, alpha=0.75, t0=1e6

for _ in range(1000):
    optimizer.zero_grad()
    ((w - torch.randn(2)) ** 2).sum().backward()
    optimizer.step()

state = optimizer.state[w]
print("after 1000 steps: ax is just a copy of w:", torch.equal(state["ax"], w.detach()))
print("mu =", state["mu"].item(), "  eta =", round(state["eta"].item(), 7))
print("eta after 1e6 steps would be", round(0.01 / (1 + 1e-4 * 0.01 * 1e6) ** 0.75, 5))
