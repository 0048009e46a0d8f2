import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

# Batch form: one example per row, as nn.Linear expects. B = 4 examples, 2 -> 3 -> 2.
B = 4
X = torch.randn(B, 2, dtype=torch.float64)
labels = torch.tensor([0, 1, 1, 0])
layer1, layer2 = nn.Linear(2, 3).double(), nn.Linear(3, 2).double()

Z1 = layer1(X)  # X W1^T + b1        (B, 3)
H = torch.tanh(Z1)  # (B, 3)
Z2 = layer2(H)  # H W2^T + b2        (B, 2)
loss = F.cross_entropy(Z2, labels)  # mean over the batch
loss.backward()

with torch.no_grad():
    Y = F.one_hot(labels, 2).double()
    D2 = torch.softmax(Z2, dim=1) - Y  # per-example deltas, (B, 2)
    D1 = (D2 @ layer2.weight) * (1 - H**2)  # (B, 2) @ (2, 3) -> (B, 3)
    hand = {
        "W2": D2.T @ H / B,  # (2, B) @ (B, 3) -> (2, 3)
        "b2": D2.mean(dim=0),  # (2,)
        "W1": D1.T @ X / B,  # (3, B) @ (B, 2) -> (3, 2)
        "b1": D1.mean(dim=0),  # (3,)
    }
autograd = {
    "W2": layer2.weight.grad,
    "b2": layer2.bias.grad,
    "W1": layer1.weight.grad,
    "b1": layer1.bias.grad,
}
print("D2", tuple(D2.shape), "D1", tuple(D1.shape))
for name in hand:
    same = torch.allclose(hand[name], autograd[name])
    print(f"dL/d{name}", tuple(hand[name].shape), "equal to autograd:", same)

# The batch gradient is the mean of the per-example gradients
per_example = [torch.outer(D2[i], H[i]) for i in range(B)]
print("mean of per-example dL/dW2:", torch.allclose(sum(per_example) / B, hand["W2"]))
