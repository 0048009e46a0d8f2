import torch
from torch import nn

torch.manual_seed(0)


def init_weights(module):
    if isinstance(module, nn.Linear):
        nn.init.xavier_uniform_(module.weight)
        nn.init.zeros_(module.bias)


model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 2))
model.apply(init_weights)  # visits every submodule
print(
    "biases zero:", all(m.bias.abs().sum().item() == 0 for m in model if isinstance(m, nn.Linear))
)
print("weights random:", model[0].weight.std().item() > 0)

# constant_ fills any value; the call is not recorded by autograd
nn.init.constant_(model[2].bias, 0.5)
print("bias:", model[2].bias.tolist(), "is leaf:", model[2].bias.is_leaf)
