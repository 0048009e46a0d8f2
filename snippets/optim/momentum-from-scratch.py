import torch

from nnref.optim import lockstep
from nnref.optim.momentum import VelocitySGD, heavy_ball, nesterov_lookahead

torch.manual_seed(0)
start = torch.randn(5, dtype=torch.float64)

# Velocity form v <- mu v - lr g, p <- p + v, beside torch's buffer form b <- mu b + g
for nesterov in (False, True):
    ours, theirs = start.clone().requires_grad_(), start.clone().requires_grad_()
    options = dict(lr=0.05, momentum=0.9, nesterov=nesterov)
    optimizers = VelocitySGD([ours], **options), torch.optim.SGD([theirs], **options)
    same = all(torch.allclose(ours, theirs) for _ in lockstep(*optimizers))
    velocity = optimizers[0].state[0]["velocity"]
    buffer = optimizers[1].state[theirs]["momentum_buffer"]
    print(f"nesterov={nesterov}: same parameters {same}, v = -lr b", end=" ")
    print(torch.allclose(velocity, -0.05 * buffer))


# Heavy ball and Nesterov's look-ahead form on f(w) = 0.1 w1^2 + 2 w2^2
def grad(w):
    return torch.tensor([0.2, 4.0], dtype=torch.float64) * w


def torch_path(**options):
    w = torch.tensor([-4.0, 2.0], dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.05, momentum=0.9, **options)
    points = [w.detach().clone()]
    for _ in range(40):
        optimizer.zero_grad()
        (0.1 * w[0] ** 2 + 2 * w[1] ** 2).backward()
        optimizer.step()
        points.append(w.detach().clone())
    return torch.stack(points)


w0 = torch.tensor([-4.0, 2.0], dtype=torch.float64)
path = heavy_ball(grad, w0, 0.05, 0.9, 40)
print("heavy ball = torch momentum:", torch.allclose(path, torch_path()))
theta, v = nesterov_lookahead(grad, w0, 0.05, 0.9, 40)
print("theta + mu v = torch nesterov:", torch.allclose(theta + 0.9 * v, torch_path(nesterov=True)))
print("theta alone  = torch nesterov:", torch.allclose(theta, torch_path(nesterov=True)))
