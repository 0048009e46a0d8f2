import torch

# The bowl of the figures: f(w) = 0.1 w1^2 + 2 w2^2, curvature 0.2 along w1 and 4 along w2
w = torch.tensor([-4.0, 2.0], requires_grad=True)
optimizer = torch.optim.Adagrad([w], lr=0.5)  # lr_decay=0, initial_accumulator_value=0, eps=1e-10


def rounded(t):
    return [round(x, 4) for x in t.tolist()]


for step in range(1, 4):
    optimizer.zero_grad()
    loss = 0.1 * w[0] ** 2 + 2 * w[1] ** 2
    loss.backward()
    print(f"step {step}: grad {rounded(w.grad)}", end="  ")
    optimizer.step()
    total = optimizer.state[w]["sum"]  # the sum of all squared gradients so far
    print(f"sum {rounded(total)}  lr/sqrt(sum) {rounded(0.5 / total.sqrt())}  w {rounded(w)}")

# The first step moved each coordinate by lr = 0.5, whatever its gradient (-0.8 or 8)
state = optimizer.state[w]
print("state:", sorted(state), "step =", state["step"].item())
