import torch
from torch import nn

model = nn.Sequential(nn.Linear(10, 32), nn.LayerNorm(32), nn.ReLU(), nn.Linear(32, 2))
decay, no_decay = [], []
for module in model.modules():
    for name, param in module.named_parameters(recurse=False):
        if name == "bias" or isinstance(module, nn.LayerNorm):
            no_decay.append(param)
        else:
            decay.append(param)

optimizer = torch.optim.AdamW(
    [{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}],
    lr=1e-3,
)
print("decayed:", [tuple(p.shape) for p in decay])
print("not decayed:", [tuple(p.shape) for p in no_decay])
print("groups:", [g["weight_decay"] for g in optimizer.param_groups])
