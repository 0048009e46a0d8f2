import torch
from torch import nn

torch.manual_seed(0)

# Video or a medical volume: (N, C, D, H, W); the kernel also slides along depth/time
layer = nn.Conv3d(in_channels=1, out_channels=8, kernel_size=3, padding=1)
print("weight", tuple(layer.weight.shape))  # (out, in, kD, kH, kW)
print("parameters:", sum(p.numel() for p in layer.parameters()))  # 8*1*27 + 8

clip = torch.randn(2, 1, 16, 32, 32)  # 16 frames of 32 x 32
print("output", tuple(layer(clip).shape))

# A (1, 3, 3) kernel never mixes frames: it is a Conv2d applied to every frame
frame_wise = nn.Conv3d(1, 8, kernel_size=(1, 3, 3), padding=(0, 1, 1))
conv2d = nn.Conv2d(1, 8, kernel_size=3, padding=1)
conv2d.weight.data = frame_wise.weight.data[:, :, 0]
conv2d.bias.data = frame_wise.bias.data
frames = clip.transpose(1, 2).reshape(2 * 16, 1, 32, 32)  # (N * D, C, H, W)
per_frame = conv2d(frames).reshape(2, 16, 8, 32, 32).transpose(1, 2)
print(
    "(1, 3, 3) kernel == Conv2d per frame:", torch.allclose(frame_wise(clip), per_frame, atol=1e-6)
)
