import torch

# The bowl of the figures: f(w) = 0.1 w1^2 + 2 w2^2, curvature 0.2 along w1 and 4 along w2
w = torch.tensor([-4.0, 2.0], requires_grad=True)
optimizer = torch.optim.Rprop([w], lr=0.5)  # etas=(0.5, 1.2), step_sizes=(1e-6, 50)


def rounded(t):
    return [round(x, 3) for x in t.tolist()]


for step in range(1, 7):
    optimizer.zero_grad()
    (0.1 * w[0] ** 2 + 2 * w[1] ** 2).backward()
    grad = w.grad.clone()
    optimizer.step()
    state = optimizer.state[w]
    print(
        f"step {step}: grad {rounded(grad)}  step_size {rounded(state['step_size'])}"
        f"  prev {rounded(state['prev'])}  w {rounded(w)}"
    )
# Only signs matter: w1 speeds up by 1.2 per step; when grad w2 changes sign, w2 stays put,
# its step size is halved and prev is set to 0, so the next step is not halved again
