import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(512, 128)  # standardized inputs: mean 0, std 1


def selu_stack(lecun: bool, depth: int = 32) -> list[nn.Module]:
    torch.manual_seed(0)
    layers = []
    for _ in range(depth):
        linear = nn.Linear(128, 128)
        if lecun:  # LeCun normal: N(0, 1 / fan_in), zero bias
            nn.init.kaiming_normal_(linear.weight, nonlinearity="linear")
            nn.init.zeros_(linear.bias)
        layers.append(nn.Sequential(linear, nn.SELU()))
    return layers


for lecun in (False, True):
    h, stats = x, []
    with torch.no_grad():
        for depth, block in enumerate(selu_stack(lecun), start=1):
            h = block(h)
            if depth in (1, 8, 32):
                stats.append(f"layer {depth}: mean {h.mean():+.2f} std {h.std():.2f}")
    print("LeCun normal" if lecun else "default init", "|", " | ".join(stats))

print("calculate_gain('selu') =", nn.init.calculate_gain("selu"))  # not the SNN init
