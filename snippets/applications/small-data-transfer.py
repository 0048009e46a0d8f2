import copy

import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from torch import nn

from nnref.vision.transfer import batchnorm_eval, count_trainable, freeze, param_groups, unfreeze

threads = torch.get_num_threads()
torch.set_num_threads(1)  # tiny tensors: one thread is faster and sums in a fixed order
digits = load_digits()
x = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16
y = torch.tensor(digits.target)


def backbone():
    return nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
    )  # fmt: skip


def fit(model, params, x, y, steps, lr=1e-2):
    optimizer = torch.optim.Adam(params, lr=lr)
    for _ in range(steps):
        optimizer.zero_grad()
        F.cross_entropy(model(x), y).backward()
        optimizer.step()
    return optimizer


def accuracy(model, x, y):
    model.eval()
    with torch.no_grad():
        return round((model(x).argmax(1) == y).float().mean().item(), 3)


# 1. Pretrain on the large source task: the 901 images of digits 0-4
torch.manual_seed(0)
pretrained = backbone()
source = nn.Sequential(pretrained, nn.Linear(64, 5))
fit(source, source.parameters(), x[y < 5], y[y < 5], 40, lr=2e-2)

# 2. Target task: digits 5-9, only k labelled images per class; ~600 test images
xt, yt = x[y >= 5], y[y >= 5] - 5
order = torch.randperm(len(yt), generator=torch.Generator().manual_seed(0))
xt, yt, test_x, test_y = xt[order][:300], yt[order][:300], xt[order][300:], yt[order][300:]
for k in (1, 10):
    few = torch.cat([torch.nonzero(yt == c).flatten()[:k] for c in range(5)])
    torch.manual_seed(1)
    scratch = nn.Sequential(backbone(), nn.Linear(64, 5))
    fit(scratch, scratch.parameters(), xt[few], yt[few], 60)

    torch.manual_seed(1)
    features, head = freeze(copy.deepcopy(pretrained)), nn.Linear(64, 5)  # new head
    model = nn.Sequential(features, head)
    model.train()
    batchnorm_eval(features)  # frozen BatchNorm: keep the source statistics
    fit(model, head.parameters(), xt[few], yt[few], 60)
    frozen = accuracy(model, test_x, test_y)

    unfreeze(features)  # then fine-tune everything, the backbone 10x slower
    model.train()
    batchnorm_eval(features)
    optimizer = fit(model, param_groups(features, head, lr=1e-2), xt[few], yt[few], 30)
    print(f"k={k:2}: scratch {accuracy(scratch, test_x, test_y)}  frozen {frozen}", end="  ")
    print(f"finetuned {accuracy(model, test_x, test_y)}")
print(
    "trained parameters: scratch", count_trainable(scratch), " frozen stage", count_trainable(head)
)
print("learning rates:", [f"{group['lr']:g}" for group in optimizer.param_groups])
torch.set_num_threads(threads)
