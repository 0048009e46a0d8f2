import torch
import torch.nn.functional as F

prediction = torch.tensor([2.5, 0.0, 2.0, 8.0])
target = torch.tensor([3.0, -0.5, 2.0, 7.0])
weight = torch.tensor([1.0, 1.0, 1.0, 5.0])  # trust the last example five times more

# Only the function takes weight (torch.nn.MSELoss has no such argument)
loss = F.mse_loss(prediction, target, weight=weight)
weighted = weight * (prediction - target) ** 2  # (0.25, 0.25, 0, 5)
print("weighted mean:", loss)
print("sum(w e^2) / sum(w):", weighted.sum() / weight.sum())
print("sum(w e^2) / N:", weighted.sum() / weighted.numel())
