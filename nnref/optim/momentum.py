"""Momentum in its three textbook forms, each equal to ``torch.optim.SGD`` up to a change of
variables.

torch keeps a buffer ``b`` of summed gradients and multiplies it by the learning rate:

    b = momentum * b + g          (b = g on the first step)
    p = p - lr * b                (nesterov: p = p - lr * (g + momentum * b))

* ``VelocitySGD``: the velocity form of Sutskever et al. (2013) and of Keras,
  ``v = momentum * v - lr * g``, ``p = p + v`` (nesterov: ``p = p + momentum * v - lr * g``).
  With a constant learning rate ``v = -lr * b`` and the parameters are the same.
* ``heavy_ball``: Polyak's two-point form ``w+ = w - lr * grad(w) + momentum * (w - w-)``.
* ``nesterov_lookahead``: Nesterov's method as Sutskever et al. write it, with the gradient
  taken at the look-ahead point ``theta + momentum * v``; torch's ``nesterov=True`` parameter is
  exactly that look-ahead point.
"""

from collections.abc import Callable, Iterable

import torch

from nnref._checks import require_non_negative, require_tensor
from nnref.optim._base import Optimizer
from nnref.optim.gradient_descent import _require_steps

Gradient = Callable[[torch.Tensor], torch.Tensor]


def _require_momentum(momentum: object) -> float:
    momentum = require_non_negative("momentum value", momentum)
    if momentum >= 1:
        raise ValueError(f"momentum must be < 1 for the iteration to settle, got {momentum}")
    return momentum


class VelocitySGD(Optimizer):
    """SGD with momentum in the velocity form (Sutskever et al. 2013, Keras).

    ``v = momentum * v - lr * g`` (``v`` starts at zero), then ``p = p + v``, or, with
    ``nesterov=True``, ``p = p + momentum * v - lr * g``. The learning rate is inside the
    velocity: changing ``lr`` during training acts more slowly than in torch's form.
    """

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 0.01,
        momentum: float = 0.0,
        nesterov: bool = False,
    ) -> None:
        super().__init__(params)
        self.lr = require_non_negative("learning rate", lr)
        self.momentum = require_non_negative("momentum value", momentum)
        self.nesterov = bool(nesterov)

    def update(self, param: torch.Tensor, grad: torch.Tensor, state: dict) -> None:
        """One step; ``state["velocity"]`` is created (as zeros) on the first step."""
        velocity = state.get("velocity")
        if velocity is None:
            velocity = torch.zeros_like(param)
        velocity = self.momentum * velocity - self.lr * grad
        state["velocity"] = velocity
        if self.nesterov:
            param += self.momentum * velocity - self.lr * grad
        else:
            param += velocity


def heavy_ball(
    grad: Gradient, start: torch.Tensor, lr: float, momentum: float, steps: int
) -> torch.Tensor:
    """Polyak's heavy-ball method: ``w_{t+1} = w_t - lr * grad(w_t) + momentum * (w_t -
    w_{t-1})`` with ``w_{-1} = w_0``; the points have shape ``(steps + 1, ...)``."""
    require_tensor("start", start)
    lr = require_non_negative("learning rate", lr)
    momentum = _require_momentum(momentum)
    steps = _require_steps(steps)
    points = [start.detach().clone()]
    previous = points[0]
    for _ in range(steps):
        current = points[-1]
        points.append(current - lr * grad(current) + momentum * (current - previous))
        previous = current
    return torch.stack(points)


def nesterov_lookahead(
    grad: Gradient, start: torch.Tensor, lr: float, momentum: float, steps: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """Nesterov's accelerated gradient with a constant momentum (Sutskever et al. 2013):

        v_{t+1} = momentum * v_t - lr * grad(theta_t + momentum * v_t),
        theta_{t+1} = theta_t + v_{t+1},          theta_0 = start, v_0 = 0.

    Returns the points ``theta`` and the velocities ``v``, each of shape ``(steps + 1, ...)``.
    ``theta_t + momentum * v_t`` (where the next gradient is taken) is what torch's
    ``SGD(nesterov=True)`` stores as the parameter after ``t`` steps.
    """
    require_tensor("start", start)
    lr = require_non_negative("learning rate", lr)
    momentum = _require_momentum(momentum)
    steps = _require_steps(steps)
    thetas = [start.detach().clone()]
    velocities = [torch.zeros_like(thetas[0])]
    for _ in range(steps):
        theta, velocity = thetas[-1], velocities[-1]
        velocity = momentum * velocity - lr * grad(theta + momentum * velocity)
        velocities.append(velocity)
        thetas.append(theta + velocity)
    return torch.stack(thetas), torch.stack(velocities)


def effective_lr(lr: float, momentum: float, dampening: float = 0.0) -> float:
    """The step ``lr * (1 - dampening) / (1 - momentum)`` that torch's momentum SGD settles to
    when the gradient stays constant (``lr / (1 - momentum)``: 10 * lr for momentum 0.9)."""
    lr = require_non_negative("learning rate", lr)
    momentum = _require_momentum(momentum)
    return lr * (1 - float(dampening)) / (1 - momentum)


def momentum_rate(curvature: float, lr: float, momentum: float) -> float:
    """How fast heavy-ball momentum converges along a direction of curvature ``h``.

    On ``f(w) = h w^2 / 2`` the pair ``(w_t, w_{t-1})`` evolves by the matrix
    ``[[1 + momentum - lr * h, -momentum], [1, 0]]``; its spectral radius is the asymptotic
    factor by which the error shrinks per step (the method diverges above 1).
    """
    curvature = require_non_negative("curvature", curvature)
    lr = require_non_negative("learning rate", lr)
    momentum = _require_momentum(momentum)
    matrix = torch.tensor(
        [[1 + momentum - lr * curvature, -momentum], [1.0, 0.0]], dtype=torch.float64
    )
    return float(torch.linalg.eigvals(matrix).abs().max())


def optimal_heavy_ball(h_min: float, h_max: float) -> tuple[float, float]:
    """Polyak's best ``(lr, momentum)`` for curvatures in ``[h_min, h_max]``:
    ``lr = 4 / (sqrt(h_max) + sqrt(h_min))^2``, ``momentum = ((sqrt(k) - 1) / (sqrt(k) + 1))^2``
    with ``k = h_max / h_min``; every direction then shrinks by ``sqrt(momentum)`` per step."""
    h_min = require_non_negative("h_min", h_min)
    h_max = require_non_negative("h_max", h_max)
    if not 0 < h_min <= h_max:
        raise ValueError(f"need 0 < h_min <= h_max, got h_min={h_min}, h_max={h_max}")
    root_min, root_max = h_min**0.5, h_max**0.5
    lr = 4 / (root_max + root_min) ** 2
    momentum = ((root_max - root_min) / (root_max + root_min)) ** 2
    return lr, momentum
