import torch

torch.manual_seed(0)
w = torch.zeros(2, requires_grad=True)
target = torch.tensor([1.0, -1.0])
optimizer = torch.optim.ASGD([w], lr=0.2, t0=3)  # average from step t0 + 2 = 5 on

for step in range(1, 9):
    optimizer.zero_grad()
    noisy_target = target + 0.5 * torch.randn(2)  # a new noisy example each step
    ((w - noisy_target) ** 2).sum().backward()
    optimizer.step()
    state = optimizer.state[w]
    print(
        f"step {step}: w = {w.detach().numpy().round(3)},"
        f" ax = {state['ax'].numpy().round(3)}, mu = {state['mu'].item():.3f},"
        f" eta = {state['eta'].item():.5f}"
    )
