import torch
import torch.nn.functional as F

# Row 1 of a table is looked up for the first time at step t (gradient 1, lr = 0.01).
# Its moments are still zero then; only the table's step counter differs.
for first_seen in (1, 100, 1000, 10000):
    table = torch.zeros(2, 1, requires_grad=True)
    optimizer = torch.optim.SparseAdam([table], lr=0.01)
    F.embedding(torch.tensor([0]), table, sparse=True).sum().backward()
    optimizer.step()  # step 1 trains row 0 only and creates the state
    optimizer.state[table]["step"] = first_seen - 1  # as after first_seen - 1 such steps
    optimizer.zero_grad()
    F.embedding(torch.tensor([1]), table, sparse=True).sum().backward()
    optimizer.step()
    print(
        f"row 1 first seen at step {first_seen:5d}: first move = {-table[1].item() / 0.01:.3f} * lr"
    )

print("limit (1 - beta1) / sqrt(1 - beta2) =", round(0.1 / 0.001**0.5, 3))
