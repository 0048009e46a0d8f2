import torch
import torch.nn.functional as F

z = torch.tensor([[2.0, 1.0, 0.1]], requires_grad=True)  # logits of one example
y = torch.tensor([0])  # its class
loss = F.cross_entropy(z, y)
loss.backward()

one_hot = F.one_hot(y, num_classes=3).float()
print(
    "loss:", round(loss.item(), 4), "= -log softmax(z)_y:", round(-z.log_softmax(1)[0, 0].item(), 4)
)
print("autograd dL/dz:", z.grad)
print("softmax(z) - y:", (z.softmax(1) - one_hot).detach())
print("equal:", torch.allclose(z.grad, z.softmax(1) - one_hot))

q = torch.tensor([[0.6, 0.3, 0.1]])  # a soft target (a probability vector)
(grad,) = torch.autograd.grad(F.cross_entropy(z, q), z)
print("soft target, dL/dz == softmax(z) - q:", torch.allclose(grad, z.softmax(1) - q))

batch = torch.randn(4, 3, requires_grad=True)
labels = torch.tensor([0, 2, 1, 2])
(grad,) = torch.autograd.grad(F.cross_entropy(batch, labels), batch)  # reduction="mean"
expected = (batch.softmax(1) - F.one_hot(labels, 3)) / 4
print("mean over N = 4 divides the gradient by 4:", torch.allclose(grad, expected))

wrong = torch.tensor([[-5.0, 5.0, 0.0]], requires_grad=True)  # class 0, confidently wrong
(g_ce,) = torch.autograd.grad(F.cross_entropy(wrong, y), wrong)
(g_mse,) = torch.autograd.grad((wrong.softmax(1) - one_hot).pow(2).sum(), wrong)
print("confidently wrong, gradient norm of cross-entropy:", round(g_ce.norm().item(), 4))
print("confidently wrong, gradient norm of MSE on softmax:", round(g_mse.norm().item(), 4))
