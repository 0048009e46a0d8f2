import torch

# A chain of n sigmoids: by the chain rule the gradient is the product of n derivatives,
# each at most 1/4, so it is at most 4 ** -n.
for n in (1, 2, 5, 10):
    x = torch.tensor(0.0, requires_grad=True)
    h = x
    for _ in range(n):
        h = torch.sigmoid(h)
    h.backward()
    print(f"n = {n:2d}: gradient {x.grad.item():.2e} <= 4**-n = {4.0**-n:.2e}")

# The same in a network: the layers far from the loss receive much smaller gradients.
torch.manual_seed(0)
layers = []
for _ in range(8):
    layers += [torch.nn.Linear(64, 64), torch.nn.Sigmoid()]
net = torch.nn.Sequential(*layers)
net(torch.randn(32, 64)).sum().backward()
first, last = net[0].weight.grad.norm(), net[14].weight.grad.norm()
print(f"gradient norm: first layer {first:.1e}, last layer {last:.1e}")
