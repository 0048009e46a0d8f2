import torch

torch.manual_seed(0)
prediction = torch.randn(4, 1)  # a model's output: (N, 1)
target = torch.randn(4)  # the labels: (N,)

diff = prediction - target  # (4, 1) and (4,) broadcast to (4, 4): no error
print("shape of the difference:", tuple(diff.shape))
wrong = (diff**2).mean()
right = ((prediction.squeeze(1) - target) ** 2).mean()
print("wrong MSE:", round(wrong.item(), 4), " right MSE:", round(right.item(), 4))
print(
    "same as MSELoss:",
    torch.allclose(right, torch.nn.functional.mse_loss(prediction.squeeze(1), target)),
)
