import torch

w = torch.ones(3, requires_grad=True)
x = torch.ones(3)

# Evaluation without torch.no_grad(): every forward keeps its graph alive
outputs = [(w * x * k).sum() for k in range(3)]
print("graph recorded:", outputs[0].requires_grad, outputs[0].grad_fn is not None)

with torch.no_grad():
    outputs = [(w * x * k).sum() for k in range(3)]
print("under no_grad:", outputs[0].requires_grad, outputs[0].grad_fn)

# The opposite mistake: a training step left inside no_grad
with torch.no_grad():
    loss = (w * x).sum()
try:
    loss.backward()
except RuntimeError as error:
    print("RuntimeError:", error)
