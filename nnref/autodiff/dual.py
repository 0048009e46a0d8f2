"""Forward-mode differentiation with dual numbers over tensors.

A dual number ``a + b·ε`` with ``ε² = 0`` carries a value (the primal ``a``) and a directional
derivative (the tangent ``b``). Arithmetic on dual numbers is the chain rule:
``f(a + b·ε) = f(a) + f'(a)·b·ε``. Seeding the inputs with tangents ``v`` and evaluating a
program once on dual numbers gives its output and the Jacobian–vector product ``J v`` — the
same pair ``torch.func.jvp`` and ``torch.autograd.forward_ad`` return.

    >>> x = Dual(torch.tensor(2.0), torch.tensor(1.0))
    >>> y = x * x + sin(x)
    >>> y.tangent  # 2x + cos(x) at x = 2
    tensor(3.5839)
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import torch

from nnref._checks import require_floating, require_tensor


@dataclass(frozen=True, eq=False)
class Dual:
    """A tensor of dual numbers: ``primal + tangent·ε`` elementwise, with ``ε² = 0``.

    Attributes:
        primal: The value, a floating-point tensor.
        tangent: The derivative along the seeded direction, the same shape as ``primal``.
    """

    primal: torch.Tensor
    tangent: torch.Tensor

    def __post_init__(self) -> None:
        require_tensor("primal", self.primal)
        require_tensor("tangent", self.tangent)
        require_floating("primal", self.primal)
        require_floating("tangent", self.tangent)
        if self.primal.shape != self.tangent.shape:
            raise ValueError(
                f"tangent must have the shape of primal {tuple(self.primal.shape)}, "
                f"got {tuple(self.tangent.shape)}"
            )

    @property
    def shape(self) -> torch.Size:
        return self.primal.shape

    def __add__(self, other: "Operand") -> "Dual":
        o = lift(other, self)
        return Dual(self.primal + o.primal, _expand(self.tangent + o.tangent, self, o))

    __radd__ = __add__

    def __neg__(self) -> "Dual":
        return Dual(-self.primal, -self.tangent)

    def __sub__(self, other: "Operand") -> "Dual":
        return self + (-lift(other, self))

    def __rsub__(self, other: "Operand") -> "Dual":
        return lift(other, self) - self

    def __mul__(self, other: "Operand") -> "Dual":
        o = lift(other, self)
        # (a + b ε)(c + d ε) = ac + (ad + bc) ε
        tangent = self.primal * o.tangent + self.tangent * o.primal
        return Dual(self.primal * o.primal, tangent)

    __rmul__ = __mul__

    def __truediv__(self, other: "Operand") -> "Dual":
        o = lift(other, self)
        # (a + b ε) / (c + d ε) = a/c + (b c - a d)/c² ε
        value = self.primal / o.primal
        return Dual(value, (self.tangent - value * o.tangent) / o.primal)

    def __rtruediv__(self, other: "Operand") -> "Dual":
        return lift(other, self) / self

    def __pow__(self, exponent: float | int) -> "Dual":
        if isinstance(exponent, bool) or not isinstance(exponent, int | float):
            raise TypeError(f"exponent must be a number, got {type(exponent).__name__}")
        return Dual(self.primal**exponent, exponent * self.primal ** (exponent - 1) * self.tangent)

    def __matmul__(self, other: "Operand") -> "Dual":
        o = lift(other, self)
        # (A + B ε)(C + D ε) = AC + (AD + BC) ε, as for scalars but not commutative
        return Dual(self.primal @ o.primal, self.primal @ o.tangent + self.tangent @ o.primal)

    def __rmatmul__(self, other: "Operand") -> "Dual":
        return lift(other, self) @ self

    def __getitem__(self, index) -> "Dual":
        """Indexing selects the same elements of the value and of the tangent."""
        return Dual(self.primal[index], self.tangent[index])

    def sum(self, dim: int | None = None) -> "Dual":
        """Sum over ``dim`` (all elements when None): the tangent sums the same way."""
        if dim is None:
            return Dual(self.primal.sum(), self.tangent.sum())
        return Dual(self.primal.sum(dim), self.tangent.sum(dim))


Operand = Dual | torch.Tensor | float | int


def lift(value: "Operand", like: Dual) -> Dual:
    """``value`` as a dual number; a constant (tensor or number) gets a zero tangent."""
    if isinstance(value, Dual):
        return value
    if isinstance(value, bool) or not isinstance(value, torch.Tensor | int | float):
        raise TypeError(f"cannot combine a Dual with {type(value).__name__}")
    primal = torch.as_tensor(value, dtype=like.primal.dtype)
    return Dual(primal, torch.zeros_like(primal))


def _expand(tangent: torch.Tensor, a: Dual, b: Dual) -> torch.Tensor:
    """Broadcast a tangent to the broadcast shape of the primals (a constant's zero tangent)."""
    return tangent.expand(torch.broadcast_shapes(a.shape, b.shape))


def _unary(x: Dual, value: torch.Tensor, derivative: torch.Tensor) -> Dual:
    """``f(x)`` for a dual ``x``, given ``f(x.primal)`` and ``f'(x.primal)``."""
    return Dual(value, derivative * x.tangent)


def _require_dual(x: object) -> Dual:
    if not isinstance(x, Dual):
        raise TypeError(f"x must be a Dual, got {type(x).__name__}")
    return x


def exp(x: Dual) -> Dual:
    """``exp``: the derivative is the value itself."""
    _require_dual(x)
    value = torch.exp(x.primal)
    return _unary(x, value, value)


def log(x: Dual) -> Dual:
    """Natural logarithm: derivative ``1/x``."""
    _require_dual(x)
    return _unary(x, torch.log(x.primal), 1 / x.primal)


def sin(x: Dual) -> Dual:
    """Sine: derivative ``cos``."""
    _require_dual(x)
    return _unary(x, torch.sin(x.primal), torch.cos(x.primal))


def cos(x: Dual) -> Dual:
    """Cosine: derivative ``-sin``."""
    _require_dual(x)
    return _unary(x, torch.cos(x.primal), -torch.sin(x.primal))


def tanh(x: Dual) -> Dual:
    """Hyperbolic tangent: derivative ``1 - tanh²``."""
    _require_dual(x)
    value = torch.tanh(x.primal)
    return _unary(x, value, 1 - value * value)


def sigmoid(x: Dual) -> Dual:
    """Logistic sigmoid: derivative ``s (1 - s)``."""
    _require_dual(x)
    value = 1 / (1 + torch.exp(-x.primal))
    return _unary(x, value, value * (1 - value))


def relu(x: Dual) -> Dual:
    """ReLU: derivative 1 where ``x > 0``, else 0 (torch's value at 0)."""
    _require_dual(x)
    return _unary(x, x.primal.clamp_min(0), (x.primal > 0).to(x.primal.dtype))


def jvp(
    function: Callable[..., Dual],
    primals: Sequence[torch.Tensor],
    tangents: Sequence[torch.Tensor],
) -> tuple[torch.Tensor, torch.Tensor]:
    """Evaluate ``function`` once on dual numbers: its output and Jacobian–vector product.

    Args:
        function: Takes one :class:`Dual` per primal and returns a :class:`Dual`, built from
            the operators and functions of this module.
        primals: The point, one tensor per argument.
        tangents: The direction, one tensor per argument, shaped like its primal.

    Returns:
        ``(function(primals), J @ tangents)``, as ``torch.func.jvp`` returns them.

    Raises:
        ValueError: ``primals`` and ``tangents`` differ in length or shapes.
        TypeError: ``function`` does not return a Dual.
    """
    primals, tangents = tuple(primals), tuple(tangents)
    if len(primals) != len(tangents):
        raise ValueError(
            f"tangents must match primals: got {len(tangents)} tangents for {len(primals)} primals"
        )
    out = function(*(Dual(p, t) for p, t in zip(primals, tangents, strict=True)))
    if not isinstance(out, Dual):
        raise TypeError(f"function must return a Dual, got {type(out).__name__}")
    return out.primal, out.tangent
