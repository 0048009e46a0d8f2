import torch

# f(w) = 0.1 w1^2 + 2 w2^2: curvatures (Hessian eigenvalues) 0.2 and 4, so 2 / 4 = 0.5
print("lr    |1-0.2 lr|  |1-4 lr|   w1 after 20    w2 after 20")
for lr in (0.1, 0.45, 0.5, 0.55):
    w = torch.tensor([-4.0, 2.0], requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=lr)
    for _ in range(20):
        optimizer.zero_grad()
        (0.1 * w[0] ** 2 + 2 * w[1] ** 2).backward()
        optimizer.step()
    w1, w2 = w.tolist()
    print(f"{lr:<5} {abs(1 - 0.2 * lr):<11.2f} {abs(1 - 4 * lr):<10.2f} {w1:<14.4f} {w2:.4g}")
