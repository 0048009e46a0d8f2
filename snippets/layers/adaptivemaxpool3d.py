import torch
from torch import nn

torch.manual_seed(0)

video = torch.randn(2, 3, 8, 28, 28)  # (N, C, D, H, W)

# Keep the 8 frames, reduce each frame to its maximum
per_frame = nn.AdaptiveMaxPool3d((None, 1, 1))(video)
print("output", tuple(per_frame.shape))
print("max of each frame:", torch.equal(per_frame, video.amax(dim=(3, 4), keepdim=True)))

print("global", tuple(nn.AdaptiveMaxPool3d(1)(video).shape))
