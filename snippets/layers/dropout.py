import torch
from torch import nn

torch.manual_seed(0)

drop = nn.Dropout(p=0.5)  # p is the probability of ZEROING an element
x = torch.ones(2, 8)

drop.train()  # the default mode of a new module
y = drop(x)
print(y)  # kept elements are scaled by 1 / (1 - p) = 2
print("values:", sorted(set(y.flatten().tolist())))

# The scaling keeps the expected value: the mean of many draws stays close to 1
big = torch.ones(100_000)
print("mean in training:", round(drop(big).mean().item(), 2))

drop.eval()
print("identity in eval:", torch.equal(drop(x), x))
