import torch
from torch.optim.lr_scheduler import ChainedScheduler, ExponentialLR, LambdaLR

optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
scheduler = ChainedScheduler(
    [ExponentialLR(optimizer, gamma=0.5), LambdaLR(optimizer, lr_lambda=lambda t: 1.0)]
)
lrs = []
for _ in range(5):
    lrs.append(scheduler.get_last_lr()[0])
    optimizer.step()
    scheduler.step()
print("expected 0.1 * 0.5**t:", [0.1 * 0.5**t for t in range(5)])
print("got                  :", lrs)  # LambdaLR sets base_lr * lambda(t), erasing the halving
