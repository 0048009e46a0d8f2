import torch
import torch.nn.functional as F

from nnref.activations.leaky_relu import leaky_relu, prelu, rrelu, rrelu_with_noise

torch.manual_seed(0)
x = torch.randn(2, 3, 5, dtype=torch.float64)
x[0, 0, :2] = 0.0  # include the kink
a = torch.rand(3, dtype=torch.float64)  # a PReLU weight: one slope per channel


def gradients(f, *inputs):
    inputs = [t.clone().requires_grad_() for t in inputs]
    f(*inputs).pow(2).sum().backward()
    return [t.grad for t in inputs]


def same(ours, theirs, *inputs):
    values = torch.equal(ours(*inputs), theirs(*inputs))
    grads = all(map(torch.allclose, gradients(ours, *inputs), gradients(theirs, *inputs)))
    return f"values equal: {values}, gradients equal: {grads}"


print("leaky_relu:", same(lambda t: leaky_relu(t, 0.1), lambda t: F.leaky_relu(t, 0.1), x))
print("prelu:     ", same(prelu, F.prelu, x, a))
print("rrelu eval:", same(rrelu, F.rrelu, x))

torch.manual_seed(1)
ours = rrelu(x, training=True)  # the same random slopes as torch, from the same seed
torch.manual_seed(1)
print("rrelu training, values equal:", torch.equal(ours, F.rrelu(x, training=True)))

_, slope = rrelu_with_noise(x)  # the slope of each element is also its derivative
print("eval slope for x <= 0:", slope[x <= 0].unique().tolist())
