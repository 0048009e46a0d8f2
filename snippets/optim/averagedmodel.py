import torch
from torch import nn
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn

torch.manual_seed(0)
model = nn.Linear(1, 1, bias=False)
swa_model = AveragedModel(model)  # equal weights: the running mean
ema_model = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(0.5))

for value in [1.0, 2.0, 6.0]:  # three snapshots of the weight
    with torch.no_grad():
        model.weight.fill_(value)
    swa_model.update_parameters(model)
    ema_model.update_parameters(model)
    print(
        f"weight {value}  SWA {swa_model.module.weight.item():.3f}  "
        f"EMA {ema_model.module.weight.item():.3f}  n_averaged {swa_model.n_averaged.item()}"
    )

print("mean of 1, 2, 6:", (1 + 2 + 6) / 3)
print("EMA: 0.5 * (0.5 * 1 + 0.5 * 2) + 0.5 * 6 =", 0.5 * (0.5 * 1 + 0.5 * 2) + 0.5 * 6)
print("prediction of the averaged model:", swa_model(torch.ones(1, 1)).item())
