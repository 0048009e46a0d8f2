import torch

from nnref.optim.lr_finder import lr_range_test, range_test_lrs
from nnref.optim.training_curves import initial_weights, mse, regression_data

# The schedule of the range test, against torch's own schedulers (100 steps, 1e-4 to 10)
param = torch.zeros(1, requires_grad=True)
for mode in ("exponential", "linear"):
    optimizer = torch.optim.SGD([param], lr=1e-4 if mode == "exponential" else 10.0)
    if mode == "exponential":
        scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=1e5 ** (1 / 99))
    else:
        scheduler = torch.optim.lr_scheduler.LinearLR(optimizer, 1e-5, 1.0, total_iters=99)
    theirs = []
    for _ in range(100):
        theirs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    ours = range_test_lrs(1e-4, 10.0, 100, mode)
    print(f"{mode:11} equal to torch:", torch.allclose(torch.tensor(ours), torch.tensor(theirs)))

# The test itself: SGD on the small network of the figure, minibatches of 16 rows
x, y = regression_data()
weights = initial_weights()
optimizer = torch.optim.SGD(weights)
generator = torch.Generator().manual_seed(3)


def loss_at(step):
    rows = torch.randint(0, len(x), (16,), generator=generator)
    return mse(weights, x[rows], y[rows])


result = lr_range_test(optimizer, loss_at, start=1e-4, end=10.0, steps=100)
print("steps run before the loss diverged:", len(result.lrs))
print(f"lowest smoothed loss at lr = {result.best_lr:.3g}")
print(f"suggested lr = lowest / 10 = {result.suggestion():.3g}")
