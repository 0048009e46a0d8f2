import torch
import torch.nn.functional as F

labels = torch.tensor([0] * 50 + [1] * 30 + [2] * 20)  # 100 observations: 50 %, 30 %, 20 %
logits = torch.zeros(3, requires_grad=True)  # a model with no input: one logit per class
optimizer = torch.optim.SGD([logits], lr=1.0)
for _ in range(300):
    optimizer.zero_grad()
    loss = F.cross_entropy(logits.expand(100, 3), labels)  # mean of -log p(y_i)
    loss.backward()
    optimizer.step()

print("fitted softmax(z):", logits.softmax(0).detach().round(decimals=3))
frequencies = torch.tensor([0.5, 0.3, 0.2])
print("minimal mean loss:", round(loss.item(), 4))
print("entropy of the labels:", round(-(frequencies * frequencies.log()).sum().item(), 4))
print("-log likelihood = N * loss:", round(100 * loss.item(), 2))
