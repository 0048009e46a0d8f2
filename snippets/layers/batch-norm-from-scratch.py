import torch
from torch import nn

from nnref.layers.batch_norm import BatchNorm

torch.manual_seed(0)

for momentum in (0.1, None):
    ours = BatchNorm(3, momentum=momentum, input_dims=(4,))
    theirs = nn.BatchNorm2d(3, momentum=momentum)
    same_outputs = []
    for step in range(3):  # three training steps on different batches
        x = torch.randn(4, 3, 5, 5) * (step + 1) + step
        same_outputs.append(torch.allclose(ours(x), theirs(x), atol=1e-5))
    ours.eval()
    theirs.eval()
    x = torch.randn(4, 3, 5, 5)
    print(f"momentum={momentum}:")
    print("  train outputs equal:", same_outputs)
    print(
        "  running_mean, running_var equal:",
        torch.allclose(ours.running_mean, theirs.running_mean),
        torch.allclose(ours.running_var, theirs.running_var),
    )
    print("  num_batches_tracked:", int(ours.num_batches_tracked), int(theirs.num_batches_tracked))
    print("  eval outputs equal:", torch.allclose(ours(x), theirs(x), atol=1e-5))
