"""Numerical differentiation by finite differences, with a count of function evaluations.

The reference against which automatic differentiation is checked, and the method it replaces:

* ``forward_difference_gradient``: ``(f(x + h e_i) - f(x)) / h`` for every coordinate ``i``,
  truncation error ``O(h)``, ``n + 1`` evaluations of ``f`` for ``n`` inputs;
* ``central_difference_gradient``: ``(f(x + h e_i) - f(x - h e_i)) / (2h)``, truncation error
  ``O(h^2)``, ``2n`` evaluations;
* ``numerical_jacobian``: the central difference of a tensor-valued ``f``, shape
  ``output.shape + x.shape`` like ``torch.autograd.functional.jacobian``, ``2n`` evaluations.

Rounding adds an error of about ``eps * |f| / h`` (``eps`` the machine epsilon of the dtype),
so the total error is smallest near ``h ~ eps**(1/2)`` (forward) and ``h ~ eps**(1/3)``
(central); ``default_step`` returns these, and ``difference_errors`` measures the error over a
range of steps (the V-shaped curve of the gradient page). ``EvaluationCounter`` wraps a function
and counts its calls, which is how the tests and the pages measure the cost of each method.
"""

from collections.abc import Callable, Sequence

import torch

from nnref._checks import require_floating, require_tensor

SCHEMES = ("forward", "central")


class EvaluationCounter:
    """A callable that forwards to ``function`` and counts how often it was called.

    Args:
        function: the function to wrap.

    Example:
        >>> counted = EvaluationCounter(torch.sin)
        >>> _ = counted(torch.zeros(3)); counted.calls
        1
    """

    def __init__(self, function: Callable[[torch.Tensor], torch.Tensor]) -> None:
        if not callable(function):
            raise TypeError(f"function must be callable, got {type(function).__name__}")
        self.function = function
        self.calls = 0

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        self.calls += 1
        return self.function(x)


def default_step(dtype: torch.dtype, scheme: str = "central") -> float:
    """The step that balances truncation and rounding error for ``scheme`` in ``dtype``.

    ``eps**(1/2)`` for the forward difference and ``eps**(1/3)`` for the central one, where
    ``eps = torch.finfo(dtype).eps``: about ``1.5e-8`` and ``6.1e-6`` in float64, ``3.5e-4``
    and ``4.9e-3`` in float32. They assume ``f`` and its derivatives of order one to three are
    of order one near ``x``.

    Args:
        dtype: a floating-point dtype.
        scheme: ``"forward"`` or ``"central"``.

    Returns:
        The step ``h`` as a Python float.
    """
    if not isinstance(dtype, torch.dtype) or not dtype.is_floating_point:
        raise TypeError(f"dtype must be a floating-point torch.dtype, got {dtype!r}")
    _require_scheme(scheme)
    eps = torch.finfo(dtype).eps
    return eps ** (1 / 2) if scheme == "forward" else eps ** (1 / 3)


def forward_difference_gradient(
    f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, h: float | None = None
) -> torch.Tensor:
    """The gradient of a scalar function by forward differences: ``n + 1`` calls of ``f``.

    Args:
        f: maps a tensor shaped like ``x`` to a tensor with one element.
        x: the point, a floating-point tensor of any shape (``n`` elements).
        h: the step; ``None`` means ``default_step(x.dtype, "forward")``.

    Returns:
        A tensor shaped like ``x``: ``(f(x + h e_i) - f(x)) / h`` for each element ``i``.
    """
    return _difference_gradient(f, x, h, "forward")


def central_difference_gradient(
    f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, h: float | None = None
) -> torch.Tensor:
    """The gradient of a scalar function by central differences: ``2n`` calls of ``f``.

    Args:
        f: maps a tensor shaped like ``x`` to a tensor with one element.
        x: the point, a floating-point tensor of any shape (``n`` elements).
        h: the step; ``None`` means ``default_step(x.dtype, "central")``.

    Returns:
        A tensor shaped like ``x``: ``(f(x + h e_i) - f(x - h e_i)) / (2h)`` for each ``i``.
    """
    return _difference_gradient(f, x, h, "central")


def numerical_jacobian(
    f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, h: float | None = None
) -> torch.Tensor:
    """The Jacobian of a tensor-valued function by central differences: ``2n`` calls of ``f``.

    Args:
        f: maps a tensor shaped like ``x`` to a floating-point tensor of any shape.
        x: the point, a floating-point tensor of any shape (``n`` elements).
        h: the step; ``None`` means ``default_step(x.dtype, "central")``.

    Returns:
        A tensor of shape ``f(x).shape + x.shape`` whose entry ``[i..., j...]`` approximates
        ``d f(x)[i...] / d x[j...]`` (the layout of ``torch.autograd.functional.jacobian``).
    """
    step = _check(f, x, h, "central")
    flat = x.detach().reshape(-1)
    columns = []
    output_shape = None
    for j in range(flat.numel()):
        plus, minus = flat.clone(), flat.clone()
        plus[j] += step
        minus[j] -= step
        upper = _evaluate(f, plus.reshape(x.shape))
        lower = _evaluate(f, minus.reshape(x.shape))
        if upper.shape != lower.shape:
            raise ValueError("f must return tensors of one shape for every input")
        output_shape = upper.shape
        columns.append(((upper - lower) / (2 * step)).reshape(-1))
    if output_shape is None:  # x has no elements
        output_shape = _evaluate(f, x.detach()).shape
        return x.new_zeros(output_shape + x.shape)
    return torch.stack(columns, dim=1).reshape(output_shape + x.shape)


def difference_errors(
    f: Callable[[torch.Tensor], torch.Tensor],
    x: torch.Tensor,
    exact: torch.Tensor,
    steps: Sequence[float],
    scheme: str = "central",
) -> list[float]:
    """The relative error of a finite-difference gradient for each step in ``steps``.

    Args:
        f: a scalar function, evaluated in the dtype of ``x``.
        x: the point.
        exact: the exact gradient (any floating dtype; compared in float64).
        steps: the steps ``h`` to try.
        scheme: ``"forward"`` or ``"central"``.

    Returns:
        ``max_i |g_i - exact_i| / max_i |exact_i|`` for the estimate ``g`` of each step.
    """
    _require_scheme(scheme)
    require_floating("exact", require_tensor("exact", exact))
    if exact.shape != x.shape:
        raise ValueError(
            f"exact must have the shape of x {tuple(x.shape)}, got {tuple(exact.shape)}"
        )
    method = forward_difference_gradient if scheme == "forward" else central_difference_gradient
    reference = exact.double()
    scale = reference.abs().max()
    errors = []
    for h in steps:
        estimate = method(f, x, h).double()
        errors.append(((estimate - reference).abs().max() / scale).item())
    return errors


def _difference_gradient(
    f: Callable[[torch.Tensor], torch.Tensor],
    x: torch.Tensor,
    h: float | None,
    scheme: str,
) -> torch.Tensor:
    step = _check(f, x, h, scheme)
    flat = x.detach().reshape(-1)
    gradient = torch.empty_like(flat)
    base = _scalar(f, x.detach()) if scheme == "forward" else None
    for i in range(flat.numel()):
        plus = flat.clone()
        plus[i] += step
        upper = _scalar(f, plus.reshape(x.shape))
        if scheme == "forward":
            gradient[i] = (upper - base) / step
        else:
            minus = flat.clone()
            minus[i] -= step
            gradient[i] = (upper - _scalar(f, minus.reshape(x.shape))) / (2 * step)
    return gradient.reshape(x.shape)


def _check(
    f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, h: float | None, scheme: str
) -> float:
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__}")
    require_floating("x", require_tensor("x", x))
    if h is None:
        return default_step(x.dtype, scheme)
    if isinstance(h, bool) or not isinstance(h, int | float):
        raise TypeError(f"h must be a number, got {type(h).__name__}")
    if not h > 0 or h == float("inf"):
        raise ValueError(f"h must be a positive finite step, got {h}")
    return float(h)


def _evaluate(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor) -> torch.Tensor:
    value = f(x)
    if not isinstance(value, torch.Tensor):
        raise TypeError(f"f must return a torch.Tensor, got {type(value).__name__}")
    return value.detach()


def _scalar(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor) -> torch.Tensor:
    value = _evaluate(f, x)
    if value.numel() != 1:
        raise ValueError(
            f"f must return a single value to have a gradient, got shape {tuple(value.shape)}"
        )
    return value.reshape(())


def _require_scheme(scheme: str) -> str:
    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {SCHEMES}, got {scheme!r}")
    return scheme
