import torch
from torch.utils.data import DataLoader, TensorDataset

from nnref.optim.gradient_descent import gradient_descent
from nnref.optim.minibatches import shuffled_batches

torch.manual_seed(0)
x = torch.randn(32, 3, dtype=torch.float64)
y = torch.randn(32, dtype=torch.float64)


def grad(w):  # gradient of the mean squared error (x w - y)^2 over all 32 examples
    return 2 * x.T @ (x @ w - y) / len(x)


# Full-batch gradient descent, from scratch and with torch.optim.SGD
ours = gradient_descent(grad, torch.zeros(3, dtype=torch.float64), lr=0.1, steps=50)
w = torch.zeros(3, dtype=torch.float64, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
for _ in range(50):
    optimizer.zero_grad()
    torch.nn.functional.mse_loss(x @ w, y).backward()
    optimizer.step()
print("50 steps equal to torch.optim.SGD:", torch.allclose(ours[-1], w.detach()))

# Minibatches: three epochs of a shuffling DataLoader and of shuffled_batches
loader = DataLoader(
    TensorDataset(x, y), batch_size=10, shuffle=True, generator=torch.Generator().manual_seed(0)
)
generator = torch.Generator().manual_seed(0)
same = True
for _ in range(3):  # epochs
    batches = shuffled_batches(32, 10, generator)
    for (xb, yb), index in zip(loader, batches, strict=True):
        same &= torch.equal(xb, x[index]) and torch.equal(yb, y[index])
print("batch sizes:", [len(index) for index in batches])
print("same examples in the same order as DataLoader:", same)
