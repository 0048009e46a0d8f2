import torch
from torch import nn

logits = torch.tensor([2.0, -1.0, 0.5])  # raw model outputs
labels = torch.tensor([1.0, 0.0, 1.0])

try:
    nn.BCELoss()(logits, labels)  # BCELoss wants probabilities
except RuntimeError as error:
    print("BCELoss(logits): RuntimeError:", error)

# Logits that happen to lie in [0, 1] pass silently and give a wrong loss
small = torch.tensor([0.9, 0.1, 0.6])
print("BCELoss(logits in [0, 1]):", nn.BCELoss()(small, labels))
print("right, BCEWithLogitsLoss:  ", nn.BCEWithLogitsLoss()(small, labels))
# Sigmoid twice: a sigmoid layer in the model and BCEWithLogitsLoss
print("sigmoid twice:             ", nn.BCEWithLogitsLoss()(torch.sigmoid(small), labels))
