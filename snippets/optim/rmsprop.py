import torch

# The bowl of the figures: f(w) = 0.1 w1^2 + 2 w2^2, curvature 0.2 along w1 and 4 along w2
w = torch.tensor([-4.0, 2.0], requires_grad=True)
optimizer = torch.optim.RMSprop([w], lr=0.01)  # alpha=0.99, eps=1e-8, no momentum


def rounded(t):
    return [round(x, 4) for x in t.tolist()]


for step in range(1, 4):
    optimizer.zero_grad()
    (0.1 * w[0] ** 2 + 2 * w[1] ** 2).backward()
    before = w.detach().clone()
    optimizer.step()
    square_avg = optimizer.state[w]["square_avg"]  # 0.99 * old + 0.01 * grad^2
    print(f"step {step}: square_avg {rounded(square_avg)}  w_t - w_(t-1) {rounded(w - before)}")

# No bias correction: square_avg starts at 0, so the first step is lr / sqrt(1 - 0.99) = 10 * lr
centered = torch.optim.RMSprop([w], lr=0.01, momentum=0.9, centered=True)
(0.1 * w[0] ** 2 + 2 * w[1] ** 2).backward()
centered.step()
print("state with momentum and centered:", list(centered.state[w]))
