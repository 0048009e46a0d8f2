import torch
import torch.nn.functional as F

x = torch.tensor([-200.0, -100.0, -20.0, 0.0], requires_grad=True)

naive = torch.log(torch.sigmoid(x))  # sigmoid(x) underflows to 0, log(0) = -inf
(grad_naive,) = torch.autograd.grad(naive.sum(), x)
print("log(sigmoid(x)):", naive.detach(), grad_naive)

stable = F.logsigmoid(x)  # -softplus(-x), never forms sigmoid(x)
(grad_stable,) = torch.autograd.grad(stable.sum(), x)
print("F.logsigmoid(x):", stable.detach(), grad_stable)
