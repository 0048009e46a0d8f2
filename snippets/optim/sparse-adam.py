import torch
from torch import nn

torch.manual_seed(0)
embedding = nn.Embedding(5, 2, sparse=True)  # sparse=True: weight.grad is a sparse tensor
dense = nn.Embedding(5, 2)  # the same table with dense gradients, for Adam
dense.load_state_dict(embedding.state_dict())
optimizers = [torch.optim.SparseAdam(embedding.parameters(), lr=0.1)]
optimizers.append(torch.optim.Adam(dense.parameters(), lr=0.1))

for batch in ([0, 2, 2], [1]):
    before = [embedding.weight.detach().clone(), dense.weight.detach().clone()]
    for module, optimizer in zip((embedding, dense), optimizers, strict=True):
        optimizer.zero_grad()
        module(torch.tensor(batch)).sum().backward()
        optimizer.step()
    grad = embedding.weight.grad.coalesce()  # row 2 appears twice: its gradients are summed
    print(
        f"batch {batch}: sparse grad rows {grad.indices()[0].tolist()}, "
        f"values {grad.values().tolist()}"
    )
    for name, module, old in zip(("SparseAdam", "Adam"), (embedding, dense), before, strict=True):
        print(f"  {name:10} rows changed: {(module.weight != old).any(dim=1).tolist()}")

state = optimizers[0].state[embedding.weight]
print(
    "SparseAdam step:",
    state["step"],
    " rows with a moment:",
    (state["exp_avg"] != 0).any(1).tolist(),
)
