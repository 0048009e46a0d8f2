"""Analytic Jacobians of the building blocks of a network, and the chain rule as their product.

Conventions (numerator layout): for ``y = f(x)`` with ``x`` of ``n`` and ``y`` of ``m`` elements,
the Jacobian ``J = dy/dx`` has shape ``(m, n)`` and ``J[i, j] = d y_i / d x_j``. The gradient of a
scalar loss is the transposed Jacobian, shaped like the variable.

* ``linear_jacobian(weight)``: ``y = W x`` (or ``y = W x + b``) has Jacobian ``W``;
* ``linear_weight_jacobian(x, out_features)``: ``d y_i / d W_jk = delta_ij x_k``, shape
  ``(m, m, n)``;
* ``tanh_jacobian``, ``sigmoid_jacobian``, ``relu_jacobian``: elementwise maps have the diagonal
  Jacobian ``diag(phi'(x))``;
* ``softmax_jacobian(z)``: ``diag(s) - s s^T`` with ``s = softmax(z)``;
* ``chain_jacobian(*jacobians)``: the Jacobian of a composition, the product of the factors in
  reverse order of application;
* ``quadratic_form_gradient(a, x)``: the gradient ``(A + A^T) x`` of ``x^T A x``;
* ``linear_backward(grad_output, x, weight)``: the vector-Jacobian products of
  ``Y = X W^T + b`` (``nn.Linear``): ``dL/dX = G W``, ``dL/dW = G^T X``, ``dL/db = sum of G``.

Nothing here calls autograd; the tests compare every function with it.
"""

import torch

from nnref._checks import require_floating, require_tensor


def linear_jacobian(weight: torch.Tensor) -> torch.Tensor:
    """The Jacobian of ``x -> W x + b`` with respect to ``x``: the matrix ``W`` itself.

    Args:
        weight: ``W`` of shape ``(m, n)``.

    Returns:
        A copy of ``weight``, shape ``(m, n)``; the bias does not change the Jacobian.
    """
    _matrix("weight", weight)
    return weight.clone()


def linear_weight_jacobian(x: torch.Tensor, out_features: int) -> torch.Tensor:
    """The Jacobian of ``W -> W x`` with respect to ``W``: ``d y_i / d W_jk = delta_ij x_k``.

    Args:
        x: the input vector, shape ``(n,)``.
        out_features: ``m``, the number of rows of ``W``.

    Returns:
        A tensor of shape ``(m, m, n)``; its slice ``[i]`` is zero except row ``i``, which is
        ``x``. Contracting it with ``g = dL/dy`` gives ``dL/dW = g x^T``.
    """
    _vector("x", x)
    if isinstance(out_features, bool) or not isinstance(out_features, int):
        raise TypeError(f"out_features must be an int, got {type(out_features).__name__}")
    if out_features <= 0:
        raise ValueError(f"out_features must be positive, got {out_features}")
    eye = torch.eye(out_features, dtype=x.dtype, device=x.device)
    return eye[:, :, None] * x[None, None, :]


def tanh_jacobian(x: torch.Tensor) -> torch.Tensor:
    """The Jacobian of elementwise ``tanh`` at ``x``: ``diag(1 - tanh(x)^2)``, shape ``(n, n)``."""
    _vector("x", x)
    t = (torch.exp(2 * x.clamp(max=20)) - 1) / (torch.exp(2 * x.clamp(max=20)) + 1)
    return torch.diag(1 - t * t)


def sigmoid_jacobian(x: torch.Tensor) -> torch.Tensor:
    """The Jacobian of elementwise ``sigmoid`` at ``x``: ``diag(s (1 - s))``, shape ``(n, n)``."""
    _vector("x", x)
    s = 1 / (1 + torch.exp(-x))
    return torch.diag(s * (1 - s))


def relu_jacobian(x: torch.Tensor) -> torch.Tensor:
    """The Jacobian of elementwise ``relu`` at ``x``: ``diag([x > 0])``, shape ``(n, n)``.

    At ``x = 0`` the derivative is taken as ``0``, as torch's backward does.
    """
    _vector("x", x)
    return torch.diag((x > 0).to(x.dtype))


def softmax(z: torch.Tensor) -> torch.Tensor:
    """``exp(z - max z) / sum exp(z - max z)`` of a vector ``z`` (shifted for stability)."""
    _vector("z", z)
    e = torch.exp(z - z.max())
    return e / e.sum()


def softmax_jacobian(z: torch.Tensor) -> torch.Tensor:
    """The Jacobian of softmax at the logits ``z``: ``diag(s) - s s^T``, shape ``(n, n)``.

    It is symmetric, every row and column sums to zero (the outputs always sum to one), and
    its diagonal ``s_i (1 - s_i)`` is positive while the off-diagonal ``-s_i s_j`` is negative.
    """
    s = softmax(z)
    return torch.diag(s) - torch.outer(s, s)


def chain_jacobian(*jacobians: torch.Tensor) -> torch.Tensor:
    """The Jacobian of a composition ``f_k(...f_2(f_1(x)))`` from the Jacobians of its steps.

    Args:
        *jacobians: ``J_1, J_2, ..., J_k`` in the order the functions are applied; ``J_i`` has
            shape ``(n_i, n_{i-1})``.

    Returns:
        ``J_k ... J_2 J_1``, shape ``(n_k, n_0)``.
    """
    if not jacobians:
        raise ValueError("jacobians must hold at least one matrix")
    for index, jacobian in enumerate(jacobians):
        _matrix(f"jacobians[{index}]", jacobian)
    result = jacobians[0]
    for index, jacobian in enumerate(jacobians[1:], start=1):
        if jacobian.shape[1] != result.shape[0]:
            raise ValueError(
                f"jacobians[{index}] has {jacobian.shape[1]} columns but the previous step has "
                f"{result.shape[0]} outputs"
            )
        result = jacobian @ result
    return result


def quadratic_form_gradient(a: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """The gradient of ``x^T A x`` with respect to ``x``: ``(A + A^T) x``, shape ``(n,)``."""
    _matrix("a", a)
    _vector("x", x)
    if a.shape != (x.numel(), x.numel()):
        raise ValueError(f"a must have shape ({x.numel()}, {x.numel()}), got {tuple(a.shape)}")
    return (a + a.T) @ x


def linear_backward(
    grad_output: torch.Tensor, x: torch.Tensor, weight: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The gradients of a scalar loss through ``Y = X W^T + b`` (the layout of ``nn.Linear``).

    Args:
        grad_output: ``G = dL/dY``, shape ``(B, m)``.
        x: the input ``X``, shape ``(B, n)``.
        weight: ``W``, shape ``(m, n)``.

    Returns:
        ``(dL/dX, dL/dW, dL/db)`` = ``(G W, G^T X, G summed over the batch)`` with shapes
        ``(B, n)``, ``(m, n)``, ``(m,)``: each gradient has the shape of its variable.
    """
    _matrix("grad_output", grad_output)
    _matrix("x", x)
    _matrix("weight", weight)
    batch, in_features = x.shape
    out_features = weight.shape[0]
    if weight.shape[1] != in_features:
        raise ValueError(
            f"weight must have {in_features} columns (x has shape {tuple(x.shape)}), "
            f"got {tuple(weight.shape)}"
        )
    if grad_output.shape != (batch, out_features):
        raise ValueError(
            f"grad_output must have shape ({batch}, {out_features}), got {tuple(grad_output.shape)}"
        )
    return grad_output @ weight, grad_output.T @ x, grad_output.sum(0)


def _matrix(name: str, value: object) -> torch.Tensor:
    require_floating(name, require_tensor(name, value))
    if value.dim() != 2:
        raise ValueError(f"{name} must be a matrix (2-D), got {value.dim()}-D")
    return value


def _vector(name: str, value: object) -> torch.Tensor:
    require_floating(name, require_tensor(name, value))
    if value.dim() != 1:
        raise ValueError(f"{name} must be a vector (1-D), got {value.dim()}-D")
    return value
