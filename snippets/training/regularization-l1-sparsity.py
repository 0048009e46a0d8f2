import torch

torch.manual_seed(0)
# 20 features, only the first 3 matter
x = torch.randn(200, 20)
true_w = torch.zeros(20)
true_w[:3] = torch.tensor([2.0, -3.0, 1.5])
y = x @ true_w + 0.1 * torch.randn(200)


def fit(penalty):
    w = torch.zeros(20, requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.02)
    for _ in range(800):
        opt.zero_grad()
        (((x @ w - y) ** 2).mean() + penalty(w)).backward()
        opt.step()
    return w.detach()


w_l1 = fit(lambda w: 0.1 * w.abs().sum())
w_l2 = fit(lambda w: 0.1 / 2 * w.pow(2).sum())
print("L1: |w| < 0.01 for", int((w_l1[3:].abs() < 0.01).sum()), "of 17 useless weights")
print("L2: |w| < 0.01 for", int((w_l2[3:].abs() < 0.01).sum()), "of 17 useless weights")
print("L1 first three:", [round(v, 2) for v in w_l1[:3].tolist()])
print("L2 first three:", [round(v, 2) for v in w_l2[:3].tolist()])
