import torch
from torch import nn

criterion = nn.CrossEntropyLoss()  # applies log_softmax itself
label = torch.tensor([0])

confident = torch.tensor([[10.0, -10.0, -10.0]])  # right and sure of it
print("logits:        loss", round(criterion(confident, label).item(), 4))
print("softmax first: loss", round(criterion(confident.softmax(1), label).item(), 4))

wrong = torch.tensor([[-5.0, 5.0, 0.0]], requires_grad=True)  # wrong and sure of it
(g_logits,) = torch.autograd.grad(criterion(wrong, label), wrong)
(g_softmax,) = torch.autograd.grad(criterion(wrong.softmax(1), label), wrong)
print("gradient norm, logits:       ", round(g_logits.norm().item(), 4))
print("gradient norm, softmax first:", round(g_softmax.norm().item(), 4))
