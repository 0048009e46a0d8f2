import torch
from torch import nn

gains = {nn.Sigmoid: "sigmoid", nn.Tanh: "tanh", nn.ReLU: "relu"}
for activation, name in gains.items():
    torch.manual_seed(0)
    layers = []
    for _ in range(20):  # 20 hidden layers of width 64
        linear = nn.Linear(64, 64)
        # initialisation scaled for this activation (the gain of torch.nn.init)
        nn.init.normal_(linear.weight, std=nn.init.calculate_gain(name) / 64**0.5)
        nn.init.zeros_(linear.bias)
        layers += [linear, activation()]
    net = nn.Sequential(*layers, nn.Linear(64, 1))
    net(torch.randn(128, 64)).pow(2).mean().backward()
    first, last = net[0].weight.grad.norm(), net[-3].weight.grad.norm()
    print(f"{activation.__name__:<8} gradient norm: first layer {first:.1e}, last {last:.1e}")
