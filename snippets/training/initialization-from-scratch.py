import torch
from torch import nn

from nnref.training import init as scratch

shapes = [(5, 3), (16, 8, 3, 3), (4, 2, 7)]
for name in [
    "xavier_uniform_",
    "xavier_normal_",
    "kaiming_uniform_",
    "kaiming_normal_",
    "orthogonal_",
    "trunc_normal_",
]:
    equal = []
    for shape in shapes:
        ours = getattr(scratch, name)(
            torch.empty(shape), generator=torch.Generator().manual_seed(0)
        )
        theirs = getattr(nn.init, name)(
            torch.empty(shape), generator=torch.Generator().manual_seed(0)
        )
        equal.append(torch.equal(ours, theirs))
    print(f"{name:17s} bit-equal: {all(equal)}")

print("fans of (16, 8, 3, 3):", scratch.calculate_fan_in_and_fan_out(torch.empty(16, 8, 3, 3)))
torch.manual_seed(2)
layer = nn.Linear(6, 4)
torch.manual_seed(2)
w, b = torch.empty(4, 6), torch.empty(4)
scratch.default_init_(w, b)
print("nn.Linear default:", torch.equal(layer.weight, w) and torch.equal(layer.bias, b))
