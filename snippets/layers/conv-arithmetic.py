import torch
from torch import nn

torch.manual_seed(0)


def out_size(L, k, s=1, p=0, d=1):
    return (L + 2 * p - d * (k - 1) - 1) // s + 1


# (L, k, s, p, d): the formula against the real output of Conv1d
for L, k, s, p, d in [
    (28, 5, 1, 0, 1),
    (32, 3, 1, 1, 1),
    (7, 3, 2, 1, 1),
    (32, 3, 1, 2, 2),
    (10, 4, 3, 0, 1),
]:
    real = nn.Conv1d(1, 1, k, stride=s, padding=p, dilation=d)(torch.zeros(1, 1, L)).shape[-1]
    print(f"L={L:2} k={k} s={s} p={p} d={d}: formula {out_size(L, k, s, p, d):2}, torch {real:2}")

# padding="same" keeps the size (stride 1 only); padding="valid" means p = 0
x = torch.zeros(1, 1, 9, 9)
print("same ", tuple(nn.Conv2d(1, 1, 4, padding="same", dilation=2)(x).shape[2:]))
print("valid", tuple(nn.Conv2d(1, 1, 4, padding="valid")(x).shape[2:]))

# Transposed convolution: (L - 1)s - 2p + d(k - 1) + output_padding + 1
up = nn.ConvTranspose1d(1, 1, kernel_size=4, stride=2, padding=1)
print("transposed 16 ->", up(torch.zeros(1, 1, 16)).shape[-1])
