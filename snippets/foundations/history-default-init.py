import torch
from torch import nn

torch.manual_seed(0)


def deep_relu_net():
    layers = []
    for _ in range(20):
        layers += [nn.Linear(256, 256), nn.ReLU()]
    return nn.Sequential(*layers)


x = torch.randn(64, 256)
default = deep_relu_net()  # nn.Linear's default: kaiming_uniform_(a=sqrt(5)), Var = 1/(3 fan_in)
he = deep_relu_net()
for module in he:
    if isinstance(module, nn.Linear):
        nn.init.kaiming_normal_(module.weight, nonlinearity="relu")  # Var = 2/fan_in
        nn.init.zeros_(module.bias)

for name, model in [("default init", default), ("kaiming_normal_", he)]:
    print(f"{name:15s} output std after 20 ReLU layers: {model(x).std().item():.1e}")
