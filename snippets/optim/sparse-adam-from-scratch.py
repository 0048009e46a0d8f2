import torch
import torch.nn.functional as F

from nnref.optim.sparse_adam import SparseAdam

torch.manual_seed(0)
start = torch.randn(10, 3, dtype=torch.float64)  # an embedding table: 10 rows of size 3
ours, theirs = start.clone().requires_grad_(), start.clone().requires_grad_()
optimizers = [SparseAdam([ours], lr=0.1), torch.optim.SparseAdam([theirs], lr=0.1)]

equal = True
for _ in range(25):
    rows = torch.randint(0, 10, (4,))  # a minibatch of 4 ids, repeats allowed
    target = torch.randn(4, 3, dtype=torch.float64)
    for table, optimizer in zip((ours, theirs), optimizers, strict=True):
        optimizer.zero_grad()
        looked_up = F.embedding(rows, table, sparse=True)  # sparse gradient for table
        ((looked_up - target) ** 2).sum().backward()
        optimizer.step()
    equal &= torch.allclose(ours, theirs)
    for key in ("exp_avg", "exp_avg_sq"):
        equal &= torch.allclose(optimizers[0].state[0][key], optimizers[1].state[theirs][key])

print("gradient is sparse:", theirs.grad.is_sparse)
print("25 steps, parameters and state equal to torch.optim.SparseAdam:", equal)
