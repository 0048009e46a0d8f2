import torch
import torch.nn.functional as F

prediction = torch.tensor([1.0, 2.0, 4.0])
target = torch.zeros(3)
weight = torch.tensor([0.0, 0.0, 1.0])  # only the last element counts; its error is 4

print("mse_loss:  ", F.mse_loss(prediction, target, weight=weight))  # 16 / sum(w)
# delta = 10: every error is in the quadratic part, so Huber = MSE / 2 is expected
print("huber_loss:", F.huber_loss(prediction, target, delta=10.0, weight=weight))  # 8 / N
total = F.huber_loss(prediction, target, delta=10.0, weight=weight, reduction="sum")
print("huber_loss sum / sum(w):", total / weight.sum())
