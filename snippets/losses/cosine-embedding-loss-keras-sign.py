import torch
import torch.nn.functional as F
from torch import nn

x1 = torch.tensor([[1.0, 2.0], [3.0, -1.0]], requires_grad=True)
x2 = torch.tensor([[2.0, 1.0], [1.0, 1.0]])

torch_loss = nn.CosineEmbeddingLoss()(x1, x2, torch.ones(2))  # mean of 1 - cos
(torch_grad,) = torch.autograd.grad(torch_loss, x1)
# keras.losses.CosineSimilarity returns the mean of -cos (l2-normalised dot product)
keras_loss = (-F.cosine_similarity(x1, x2)).mean()
(keras_grad,) = torch.autograd.grad(keras_loss, x1)
print("PyTorch 1 - cos:", torch_loss.detach(), " Keras -cos:", keras_loss.detach())
print("they differ by exactly 1:", torch.allclose(torch_loss - keras_loss, torch.tensor(1.0)))
print("same gradient:", torch.allclose(torch_grad, keras_grad))
