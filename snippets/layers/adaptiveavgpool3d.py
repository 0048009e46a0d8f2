import torch
from torch import nn

torch.manual_seed(0)

pool = nn.AdaptiveAvgPool3d(output_size=1)
clips = torch.randn(2, 16, 4, 7, 7)  # (N, C, D, H, W)
y = pool(clips)
print("output", tuple(y.shape))
print("mean over D, H, W:", torch.allclose(y, clips.mean(dim=(2, 3, 4), keepdim=True)))

print("(2, 3, 3):", tuple(nn.AdaptiveAvgPool3d((2, 3, 3))(clips).shape))
