import torch
from torch import nn

torch.manual_seed(0)

emb = nn.Embedding(5, 3, max_norm=1.0)
norms = emb.weight.detach().norm(dim=1)
print("row norms before:", [round(n, 3) for n in norms.tolist()])

emb(torch.tensor([1, 2]))  # a forward pass rescales the looked-up rows IN PLACE
norms = emb.weight.detach().norm(dim=1)
print("row norms after: ", [round(n, 3) for n in norms.tolist()])

# So a differentiable use of the weight before the lookup breaks backward
emb = nn.Embedding(5, 3, max_norm=1.0)
tokens = torch.tensor([0, 3])
try:
    loss = (emb.weight @ emb.weight.T).sum() + emb(tokens).sum()
    loss.backward()
except RuntimeError as error:
    print("RuntimeError:", str(error).split(":")[0])

# Fix (as the PyTorch docs advise): use a clone of the weight in the other computation
emb = nn.Embedding(5, 3, max_norm=1.0)
weight = emb.weight.clone()
loss = (weight @ weight.T).sum() + emb(tokens).sum()
loss.backward()
print("backward works:", emb.weight.grad is not None)
