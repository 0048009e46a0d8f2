import torch

x = torch.tensor([0.0, 200.0], requires_grad=True)
naive = torch.log(torch.softmax(x, dim=0))  # softmax underflows to 0, log(0) = -inf
direct = torch.log_softmax(x, dim=0)  # x - logsumexp(x): exact
print("log(softmax(x)):", naive)
print("log_softmax(x): ", direct)

(grad_naive,) = torch.autograd.grad(naive[0], x)
(grad_direct,) = torch.autograd.grad(direct[0], x)
print("gradient through log(softmax):", grad_naive)
print("gradient through log_softmax: ", grad_direct)

gap_100 = torch.log(torch.softmax(torch.tensor([0.0, 100.0]), dim=0))[0]
print("gap of 100 in float32, log(softmax):", round(gap_100.item(), 4), "instead of -100")
