import torch
from torch import nn

model = nn.Sequential(nn.Linear(2, 2), nn.Dropout(p=0.5))
print("new modules start in training mode:", model.training)

model.train(False)  # the same as model.eval()
print("train(False):", [m.training for m in model.modules()])
model.train()  # mode=True, for the module and every submodule
print("train():     ", [m.training for m in model.modules()])
print("returns the module itself:", model.train() is model)

torch.manual_seed(0)
out = model[1](torch.ones(8))  # dropout in training mode: zeros, survivors scaled by 1/(1-p)
print("dropout output:", out.tolist())
