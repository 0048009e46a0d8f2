import torch
from torch import nn

w = nn.Parameter(torch.zeros(3))
w.grad = torch.tensor([0.1, -5.0, 2.0])
direction = w.grad / w.grad.norm()

result = nn.utils.clip_grad_value_([w], clip_value=1.0)
print("clipped:", [round(v, 3) for v in w.grad.tolist()], "returns:", result)
# Each entry is clamped on its own: the direction of the gradient changes
cosine = (w.grad / w.grad.norm()) @ direction
print("cosine with the old direction:", round(cosine.item(), 3))
