import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3))
for _ in range(50):  # "training": the running statistics settle
    model(torch.randn(32, 4))

sample = torch.randn(1, 4)
batch_a = torch.cat([sample, torch.randn(7, 4)])
batch_b = torch.cat([sample, torch.randn(7, 4) * 10])

# Still in training mode: the prediction for `sample` depends on its batch-mates
print("train mode, same sample:", torch.allclose(model(batch_a)[0], model(batch_b)[0]))

model.eval()  # what inference must do
print("eval mode, same sample: ", torch.allclose(model(batch_a)[0], model(batch_b)[0]))
print("eval equals the sample alone:", torch.allclose(model(batch_a)[0], model(sample)[0]))
