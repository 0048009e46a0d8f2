import torch
from torch import nn

logits = torch.tensor([[4.0, 0.0, 0.0], [0.0, 4.0, 0.0]], requires_grad=True)
labels = torch.tensor([0, 0])  # sample 0: confident and right; sample 1: confident and wrong
criterion = nn.CrossEntropyLoss(reduction="none")

for name, scores in (("right", logits), ("softmax first", logits.softmax(dim=1))):
    loss = criterion(scores, labels)  # CrossEntropyLoss applies log_softmax itself
    (grad,) = torch.autograd.grad(loss.sum(), logits)
    print(
        f"{name:>13}: loss {loss.detach().round(decimals=4)}, "
        f"d loss / d z_y {grad[:, 0].round(decimals=4)}"
    )

# softmax outputs lie in [0, 1], so with 3 classes the loss never drops below
floor = -torch.log(torch.tensor(torch.e) / (torch.e + 2))  # reached at p = (1, 0, 0)
print("floor of the softmax-first loss:", round(floor.item(), 4))
