import torch
from torch import nn

# A perfect classifier: huge logits for the right class among C = 10
C, labels = 10, torch.tensor([3, 7])
logits = 50 * nn.functional.one_hot(labels, C).float()

ce = nn.CrossEntropyLoss()
print("CrossEntropyLoss(logits):         ", round(ce(logits, labels).item(), 4))
print("CrossEntropyLoss(softmax(logits)):", round(ce(logits.softmax(1), labels).item(), 4))
floor = torch.log1p(torch.tensor((C - 1) / torch.e))
print("  its floor log(1 + (C-1)/e):     ", round(floor.item(), 4))

# A perfect binary classifier, its output passed through a sigmoid twice
logit, target = torch.tensor([50.0, -50.0]), torch.tensor([1.0, 0.0])
bce = nn.BCEWithLogitsLoss()
print("BCEWithLogitsLoss(logit):         ", round(bce(logit, target).item(), 4))
print("BCEWithLogitsLoss(sigmoid(logit)):", round(bce(logit.sigmoid(), target).item(), 4))

# Regression with negative targets behind a ReLU output: the negative part is unreachable
raw = torch.tensor([-1.5, 2.0], requires_grad=True)
loss = nn.MSELoss()(torch.relu(raw), torch.tensor([-1.5, 2.0]))
loss.backward()
print("MSELoss(relu(output)):", round(loss.item(), 4), "| gradient:", raw.grad)
