import torch
from torch import nn

torch.manual_seed(0)

# A batch of 2 clips: 3 channels, 8 frames of 32 x 32 pixels, (N, C, D, H, W)
video = torch.randn(2, 3, 8, 32, 32)

pool = nn.MaxPool3d(kernel_size=(1, 2, 2))  # pool space only, keep every frame
y = pool(video)
print("output", tuple(y.shape))

# A (1, 2, 2) window is 2-D max pooling applied to each frame
frames = video.transpose(1, 2).reshape(-1, 3, 32, 32)  # (N * D, C, H, W)
per_frame = nn.MaxPool2d(2)(frames).reshape(2, 8, 3, 16, 16).transpose(1, 2)
print("same as MaxPool2d per frame:", torch.equal(y, per_frame))

print("kernel 2 in time too:", tuple(nn.MaxPool3d(2)(video).shape))
