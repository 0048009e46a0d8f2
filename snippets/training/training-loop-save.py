import io

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.Linear(4, 1))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
model(torch.randn(5, 3)).sum().backward()
optimizer.step()

checkpoint = {
    "epoch": 7,
    "model": model.state_dict(),  # parameters and buffers (running statistics)
    "optimizer": optimizer.state_dict(),  # Adam's moments, step counts, hyper-parameters
}
buffer = io.BytesIO()  # a file path works the same: torch.save(checkpoint, "ckpt.pt")
torch.save(checkpoint, buffer)
print("model keys:", list(checkpoint["model"]))
print(
    "optimizer keys:",
    list(checkpoint["optimizer"]),
    "| state of",
    len(checkpoint["optimizer"]["state"]),
    "tensors",
)
print("saved bytes > 0:", buffer.getbuffer().nbytes > 0)
