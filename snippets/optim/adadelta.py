import torch

# The bowl of the figures: f(w) = 0.1 w1^2 + 2 w2^2, curvature 0.2 along w1 and 4 along w2
w = torch.tensor([-4.0, 2.0], requires_grad=True)
optimizer = torch.optim.Adadelta([w])  # lr=1.0, rho=0.9, eps=1e-6


def rounded(t, digits=5):
    return [round(x, digits) for x in t.tolist()]


for step in range(1, 101):
    optimizer.zero_grad()
    (0.1 * w[0] ** 2 + 2 * w[1] ** 2).backward()
    before = w.detach().clone()
    optimizer.step()
    if step in (1, 2, 10, 100):
        acc_delta = optimizer.state[w]["acc_delta"]  # moving average of squared updates
        moved = rounded(w - before)
        print(f"step {step:3d}: w_t - w_(t-1) {moved}  acc_delta {rounded(acc_delta, 7)}")

# The first step is about sqrt(eps / (1 - rho)) = 0.00316 per coordinate: eps sets the pace
print("w after 100 steps:", rounded(w, 3))
