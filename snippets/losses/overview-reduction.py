import torch
import torch.nn.functional as F

torch.manual_seed(0)
prediction, target = torch.randn(2, 3), torch.randn(2, 3)
elementwise = F.mse_loss(prediction, target, reduction="none")  # (2, 3): one loss per element
total = F.mse_loss(prediction, target, reduction="sum")
mean = F.mse_loss(prediction, target)  # reduction="mean"
print("none:", tuple(elementwise.shape))
print("sum  == elementwise.sum():", torch.allclose(total, elementwise.sum()))
print("mean == sum / 6 elements:", torch.allclose(mean, elementwise.sum() / 6))

# Class weights: the mean divides by the sum of the weights of the targets, not by N
logits, labels = torch.randn(4, 3), torch.tensor([0, 2, 2, 1])
weight = torch.tensor([1.0, 2.0, 5.0])
per_example = F.cross_entropy(logits, labels, weight=weight, reduction="none")
mean = F.cross_entropy(logits, labels, weight=weight)
expected = per_example.sum() / weight[labels].sum()
print("weighted mean == sum / sum(w[y]):", torch.allclose(mean, expected))

# ignore_index: ignored targets count neither in the sum nor in the denominator
masked = torch.tensor([0, -100, 2, 1])
per_example = F.cross_entropy(logits, masked, reduction="none")
mean = F.cross_entropy(logits, masked)
print("ignored entry's loss:", per_example[1].item())
print("mean over the 3 others:", torch.allclose(mean, per_example.sum() / 3))

# KLDivLoss: 'mean' divides by every element; 'batchmean' by the batch size (the true KL)
log_q, p = logits.log_softmax(1), torch.randn(4, 3).softmax(1)
kl = F.kl_div(log_q, p, reduction="sum")
print("batchmean == sum / N:", torch.allclose(F.kl_div(log_q, p, reduction="batchmean"), kl / 4))
