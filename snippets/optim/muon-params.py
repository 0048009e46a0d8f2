import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 1))

try:  # every parameter, biases included
    torch.optim.Muon(model.parameters())
except ValueError as error:
    print("ValueError:", error)

# Muon for the hidden weight matrices, AdamW for the biases and the output layer
hidden = [model[0].weight, model[2].weight]
others = [p for p in model.parameters() if all(p is not h for h in hidden)]
optimizers = [torch.optim.Muon(hidden, lr=0.02), torch.optim.AdamW(others, lr=3e-3)]
print("Muon:", [tuple(p.shape) for p in hidden], " AdamW:", [tuple(p.shape) for p in others])

x = torch.randn(256, 8)
y = (x[:, :1] * x[:, 1:2]).tanh()
for step in range(41):
    for optimizer in optimizers:
        optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    for optimizer in optimizers:
        optimizer.step()
    if step % 10 == 0:
        print(f"step {step:3d}  loss {loss.item():.4f}")
