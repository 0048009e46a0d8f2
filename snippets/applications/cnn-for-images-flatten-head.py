import torch
from torch import nn

torch.manual_seed(0)
features = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1, padding_mode="circular"), nn.ReLU())
flatten_head = nn.Sequential(features, nn.Flatten(), nn.Linear(4 * 8 * 8, 3))
pooled_head = nn.Sequential(features, nn.AdaptiveMaxPool2d(1), nn.Flatten(), nn.Linear(4, 3))

x = torch.randn(1, 1, 8, 8)
moved = torch.roll(x, shifts=(1, 2), dims=(-2, -1))  # the same object, 1 down and 2 right
with torch.no_grad():
    print(
        "Flatten + Linear:    ",
        [round(v, 2) for v in flatten_head(x)[0].tolist()],
        [round(v, 2) for v in flatten_head(moved)[0].tolist()],
    )
    print("global pool + Linear:", torch.allclose(pooled_head(x), pooled_head(moved)))
