import torch
from torch import nn

act = nn.PReLU()
x = torch.rand(64, 8)  # positive inputs: the data never moves the slope a

for weight_decay in (0.0, 0.1):
    torch.nn.init.constant_(act.weight, 0.25)
    optimizer = torch.optim.SGD(act.parameters(), lr=0.1, weight_decay=weight_decay)
    for _ in range(200):
        optimizer.zero_grad()
        act(x).sum().backward()
        optimizer.step()
    print(f"weight_decay={weight_decay}: a = {act.weight.item():.4f}")  # decays toward ReLU

# the fix: a parameter group without weight decay for the PReLU slopes
model = nn.Sequential(nn.Linear(8, 8), nn.PReLU(8))
slopes = [p for m in model.modules() if isinstance(m, nn.PReLU) for p in m.parameters()]
others = [p for p in model.parameters() if id(p) not in {id(s) for s in slopes}]
optimizer = torch.optim.SGD(
    [{"params": others}, {"params": slopes, "weight_decay": 0.0}], lr=0.1, weight_decay=0.1
)
print([group["weight_decay"] for group in optimizer.param_groups])
