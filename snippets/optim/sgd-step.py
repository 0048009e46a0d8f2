import torch

w = torch.tensor([1.0, -2.0], requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9, weight_decay=0.01)

buffer = torch.zeros(2)
expected = w.detach().clone()
for step in (1, 2):
    optimizer.zero_grad()
    (w**2).sum().backward()  # dL/dw = 2w
    # by hand: g = grad + weight_decay * w; b = g (first step) or 0.9 b + g; w -= lr * b
    g = 2 * expected + 0.01 * expected
    buffer = g if step == 1 else 0.9 * buffer + g
    expected = expected - 0.1 * buffer
    optimizer.step()
    state = optimizer.state[w]["momentum_buffer"]
    print(f"step {step}: w = {w.detach()}, momentum_buffer = {state}")
    print("        by hand:", torch.allclose(w.detach(), expected), torch.allclose(state, buffer))

print(sorted(optimizer.param_groups[0]))
