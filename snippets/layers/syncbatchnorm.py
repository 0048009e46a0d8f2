import torch
import torch.distributed as dist
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(nn.Conv2d(3, 4, kernel_size=3), nn.BatchNorm2d(4), nn.ReLU())
x = torch.randn(8, 3, 6, 6)
expected = model(x)  # ordinary BatchNorm2d, one training step
model[1].reset_running_stats()

# Replace every BatchNorm*d by SyncBatchNorm, keeping parameters and buffers
weight = model[1].weight
model = nn.SyncBatchNorm.convert_sync_batchnorm(model)
print(model[1])
print("same weight tensor:", model[1].weight is weight)

# Without an initialized process group, forward is ordinary batch normalization
print("process group:", dist.is_initialized())
print("equals BatchNorm2d:", torch.allclose(model(x), expected))

# In a process group of one (gloo, an in-memory store), training needs a GPU tensor
dist.init_process_group("gloo", store=dist.HashStore(), rank=0, world_size=1)
try:
    try:
        model(x)
    except ValueError as error:
        print("ValueError:", error)
    model.eval()  # evaluation never synchronizes: it uses the running statistics
    print("eval output", tuple(model(x).shape))
finally:
    dist.destroy_process_group()
