import torch
from torch import nn
from torch.optim.swa_utils import AveragedModel, update_bn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2))
loader = [torch.randn(32, 2) + 3 for _ in range(8)]  # stands in for a DataLoader
swa_model = AveragedModel(model)

for sign in [1.0, -1.0]:  # two snapshots: weights W and -W, so the average is 0
    with torch.no_grad():
        model[0].weight.mul_(sign)
    for _ in range(5):
        for batch in loader:
            model(batch)  # training-mode forward passes update running_mean
    swa_model.update_parameters(model)

features = torch.cat([swa_model.module[0](batch) for batch in loader]).detach()
print("mean of the averaged model's features:", features.mean(0).round(decimals=3))
print("running_mean, copied from the model:  ", swa_model.module[1].running_mean.round(decimals=3))
update_bn(loader, swa_model)
print("running_mean after update_bn:         ", swa_model.module[1].running_mean.round(decimals=3))
