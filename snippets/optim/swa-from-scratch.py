import torch
from torch import nn
from torch.optim.swa_utils import SWALR, AveragedModel, get_ema_multi_avg_fn

from nnref.optim.averaging import AveragedWeights, swalr_lr

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
swa, ema = AveragedModel(model), AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(0.9))
our_swa, our_ema = AveragedWeights(), AveragedWeights(decay=0.9)

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
scheduler = SWALR(optimizer, swa_lr=0.01, anneal_epochs=10)
x, y = torch.randn(64, 3), torch.randn(64, 1)
same_lr = True
for epoch in range(100):
    same_lr &= abs(optimizer.param_groups[0]["lr"] - swalr_lr(epoch, 0.1, 0.01, 10)) < 1e-12
    optimizer.zero_grad()
    nn.functional.mse_loss(model(x), y).backward()
    optimizer.step()
    scheduler.step()
    for theirs, ours in ((swa, our_swa), (ema, our_ema)):
        theirs.update_parameters(model)
        ours.update([p.detach() for p in model.parameters()])


def equal(theirs, ours):
    pairs = zip(theirs.module.parameters(), ours.averaged, strict=True)
    return all(torch.allclose(a, b, atol=1e-6) for a, b in pairs)


print("SWALR lr, 100 epochs, equal:", same_lr)
print("SWA average equal:", equal(swa, our_swa), " n_averaged:", our_swa.n_averaged)
print("EMA (decay 0.9) equal:", equal(ema, our_ema))
