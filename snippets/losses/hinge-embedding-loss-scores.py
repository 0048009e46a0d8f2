import torch
from torch import nn

score = torch.tensor([3.0, -2.0])  # classifier scores: a confident right answer for y = 1 ...
y = torch.tensor([1.0, 1.0])  # ... and a wrong one

# HingeEmbeddingLoss returns x itself for y = 1: it rewards ever smaller scores
print("HingeEmbeddingLoss:", nn.HingeEmbeddingLoss(reduction="none")(score, y))
# the SVM hinge max(0, 1 - y x) penalises only the wrong score
print("SVM hinge:         ", (1 - y * score).clamp(min=0))
