import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(100, 16), nn.LayerNorm(16), nn.Linear(16, 4))

# Decay matrices and embedding tables (ndim >= 2); exempt biases and norm weights (ndim 1)
decay = [p for p in model.parameters() if p.ndim >= 2]
no_decay = [p for p in model.parameters() if p.ndim < 2]
optimizer = torch.optim.AdamW(
    [{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}],
    lr=1e-3,
)
for name, param in model.named_parameters():
    print(f"{name:9} {tuple(param.shape)!s:10} decayed: {param.ndim >= 2}")

# With zero gradients an AdamW step only decays: factor 1 - lr * weight_decay per group
layer_norm_before = model[1].weight.detach().clone()
embedding_before = model[0].weight.detach().clone()
for param in model.parameters():
    param.grad = torch.zeros_like(param)
optimizer.step()
print("embedding ratio:", (model[0].weight / embedding_before).mean().item().__round__(6))
print("LayerNorm weight unchanged:", torch.equal(model[1].weight, layer_norm_before))
