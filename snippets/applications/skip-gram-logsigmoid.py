import torch
import torch.nn.functional as F

x = torch.tensor([-200.0, -20.0, 0.0, 20.0], requires_grad=True)

print("log(sigmoid(x)):", torch.log(torch.sigmoid(x)).tolist())
y = F.logsigmoid(x)  # -softplus(-x), computed stably
print("F.logsigmoid(x):", y.tolist())
y.sum().backward()
print("gradient = sigmoid(-x):", torch.allclose(x.grad, torch.sigmoid(-x)))
print(
    "F.logsigmoid(x) - F.logsigmoid(-x) = x:", torch.allclose(F.logsigmoid(x) - F.logsigmoid(-x), x)
)
