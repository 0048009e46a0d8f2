"""A small reverse-mode automatic differentiation engine, the mechanism of torch.autograd.

Every :class:`Tensor` holds a plain ``torch.Tensor`` of values (``data``). An operation on
tensors of which at least one requires a gradient records a :class:`Node` (the ``grad_fn``):
its inputs and a function that maps the gradient of the output to the gradients of the inputs,
a *vector–Jacobian product* (VJP). ``backward()`` orders the graph topologically, walks it
from the output to the leaves, sums the contributions that reach each tensor (a tensor used
twice gets two), reduces broadcast gradients back to each input's shape, and *adds* the result
to the ``.grad`` of every leaf that requires a gradient, as torch does. The forward values are
computed with torch operations on plain tensors; no torch autograd is involved.

    x = Tensor([[1.0, 2.0]], requires_grad=True)
    w = Tensor([[3.0], [4.0]], requires_grad=True)
    loss = (x @ w).tanh().sum()
    loss.backward()
    x.grad, w.grad
"""

import contextlib
from collections.abc import Callable, Iterator, Sequence

import torch

from nnref.tensor.strides import reduced_shape

_GRAD_ENABLED = [True]


def is_grad_enabled() -> bool:
    """Whether new operations are recorded (``False`` inside :func:`no_grad`)."""
    return _GRAD_ENABLED[-1]


@contextlib.contextmanager
def no_grad() -> Iterator[None]:
    """Within this block no operation is recorded: results have no ``grad_fn``."""
    _GRAD_ENABLED.append(False)
    try:
        yield
    finally:
        _GRAD_ENABLED.pop()


@contextlib.contextmanager
def enable_grad() -> Iterator[None]:
    """Within this block operations are recorded again, even inside :func:`no_grad`."""
    _GRAD_ENABLED.append(True)
    try:
        yield
    finally:
        _GRAD_ENABLED.pop()


class Node:
    """One recorded operation: its inputs and the VJP from output gradient to input gradients.

    Attributes:
        name: torch's name for the backward function, e.g. ``"MulBackward0"``.
        inputs: the operands (tensors) of the operation.
        vjp: maps the output gradient to one gradient per input (``None`` for an input that
            needs none).
        saves: whether the VJP needs values saved in the forward pass (the operands of a
            product, the output of ``tanh``); ``+``, ``-``, ``sum`` and ``mean`` need none.
        released: set by ``backward(retain_graph=False)``: the saved values are gone, and,
            as in torch, a second backward fails only at a node that ``saves``.
    """

    def __init__(
        self,
        name: str,
        inputs: tuple["Tensor", ...],
        vjp: Callable[[torch.Tensor], tuple[torch.Tensor | None, ...]],
        saves: bool = True,
    ) -> None:
        self.name = name
        self.inputs = inputs
        self.vjp = vjp
        self.saves = saves
        self.released = False

    def __repr__(self) -> str:
        return f"<{self.name}>"


def _unbroadcast(grad: torch.Tensor, shape: torch.Size) -> torch.Tensor:
    """Sum ``grad`` over the dimensions that broadcasting added or stretched, to ``shape``.

    Broadcasting copies an input along the leading dimensions it lacks and along its
    dimensions of size 1; the gradient of a copy is the sum of the gradients of its copies.
    """
    lead = grad.dim() - len(shape)
    if lead:
        grad = grad.sum(dim=tuple(range(lead)))
    stretched = tuple(a for a, size in enumerate(shape) if size == 1 and grad.shape[a] != 1)
    if stretched:
        grad = grad.sum(dim=stretched, keepdim=True)
    return grad


def _as_tensor(value: "Tensor | torch.Tensor | float | Sequence") -> "Tensor":
    return value if isinstance(value, Tensor) else Tensor(value)


class Tensor:
    """A tensor that records the operations applied to it, for reverse-mode differentiation.

    Args:
        data: the values: a ``torch.Tensor`` (its values are copied, detached from torch's
            autograd), a number or a nested list.
        requires_grad: make this a leaf whose gradient ``backward()`` accumulates in ``.grad``;
            only floating-point tensors may require a gradient.
    """

    def __init__(
        self,
        data: "torch.Tensor | float | Sequence",
        requires_grad: bool = False,
        *,
        _node: Node | None = None,
    ) -> None:
        if not isinstance(requires_grad, bool):
            raise TypeError(f"requires_grad must be a bool, got {type(requires_grad).__name__}")
        values = data.detach() if isinstance(data, torch.Tensor) else torch.tensor(data)
        if requires_grad and not (values.is_floating_point() or values.is_complex()):
            raise ValueError(
                "requires_grad: only tensors of floating point dtype can require gradients, "
                f"got {values.dtype}"
            )
        self.data = values
        self.grad: torch.Tensor | None = None
        self.grad_fn = _node
        self.requires_grad = requires_grad or _node is not None
        self._retains_grad = False

    # ---- basic properties -------------------------------------------------------------

    @property
    def shape(self) -> torch.Size:
        return self.data.shape

    @property
    def is_leaf(self) -> bool:
        """A tensor the user created (no ``grad_fn``); only leaves accumulate ``.grad``."""
        return self.grad_fn is None

    def __repr__(self) -> str:
        extra = f", grad_fn={self.grad_fn!r}" if self.grad_fn else ""
        extra += ", requires_grad=True" if self.is_leaf and self.requires_grad else ""
        return f"Tensor({self.data.tolist()}{extra})"

    def item(self) -> float:
        return self.data.item()

    def detach(self) -> "Tensor":
        """A new leaf that shares this tensor's values (the same storage), without history."""
        return Tensor(self.data)

    def requires_grad_(self, requires_grad: bool = True) -> "Tensor":
        """Switch gradient tracking of a leaf on or off, in place."""
        if not self.is_leaf:
            raise RuntimeError("you can only change requires_grad flags of leaf variables")
        if requires_grad and not self.data.is_floating_point():
            raise ValueError(
                "requires_grad: only tensors of floating point dtype can require gradients"
            )
        self.requires_grad = requires_grad
        return self

    def retain_grad(self) -> None:
        """Keep the gradient of this non-leaf tensor in ``.grad`` during ``backward()``."""
        if not self.requires_grad:
            raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
        self._retains_grad = not self.is_leaf

    # ---- recording operations ---------------------------------------------------------

    @staticmethod
    def _record(
        name: str,
        value: torch.Tensor,
        inputs: tuple["Tensor", ...],
        vjp: Callable[[torch.Tensor], tuple[torch.Tensor | None, ...]],
        saves: bool = True,
    ) -> "Tensor":
        if is_grad_enabled() and any(t.requires_grad for t in inputs):
            return Tensor(value, _node=Node(name, inputs, vjp, saves))
        return Tensor(value)

    def __add__(self, other: object) -> "Tensor":
        other = _as_tensor(other)
        return self._record(
            "AddBackward0", self.data + other.data, (self, other), lambda g: (g, g), saves=False
        )

    __radd__ = __add__

    def __neg__(self) -> "Tensor":
        return self._record("NegBackward0", -self.data, (self,), lambda g: (-g,), saves=False)

    def __sub__(self, other: object) -> "Tensor":
        other = _as_tensor(other)
        return self._record(
            "SubBackward0", self.data - other.data, (self, other), lambda g: (g, -g), saves=False
        )

    def __rsub__(self, other: object) -> "Tensor":
        return _as_tensor(other) - self

    def __mul__(self, other: object) -> "Tensor":
        other = _as_tensor(other)
        a, b = self.data, other.data
        return self._record("MulBackward0", a * b, (self, other), lambda g: (g * b, g * a))

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> "Tensor":
        other = _as_tensor(other)
        a, b = self.data, other.data
        return self._record(
            "DivBackward0", a / b, (self, other), lambda g: (g / b, -g * a / (b * b))
        )

    def __pow__(self, exponent: float) -> "Tensor":
        if isinstance(exponent, bool) or not isinstance(exponent, int | float):
            raise TypeError(f"exponent must be a number, got {type(exponent).__name__}")
        x = self.data
        return self._record(
            "PowBackward0",
            x**exponent,
            (self,),
            lambda g: (g * exponent * x ** (exponent - 1),),
        )

    def __matmul__(self, other: object) -> "Tensor":
        other = _as_tensor(other)
        a, b = self.data, other.data
        if a.dim() < 2 or b.dim() < 2:
            raise ValueError(
                f"matmul: both operands need at least 2 dims here, got {a.dim()} and {b.dim()}"
            )
        return self._record(
            "MmBackward0" if a.dim() == b.dim() == 2 else "UnsafeViewBackward0",
            a @ b,
            (self, other),
            lambda g: (g @ b.mT, a.mT @ g),
        )

    def sum(self, dim: int | Sequence[int] | None = None, keepdim: bool = False) -> "Tensor":
        """Sum over ``dim`` (all dims if None); the VJP copies the gradient back."""
        return self._reduce("SumBackward", dim, keepdim, mean=False)

    def mean(self, dim: int | Sequence[int] | None = None, keepdim: bool = False) -> "Tensor":
        """Mean over ``dim``; the VJP spreads the gradient evenly over the averaged elements."""
        return self._reduce("MeanBackward", dim, keepdim, mean=True)

    def _reduce(self, name: str, dim, keepdim: bool, mean: bool) -> "Tensor":
        shape = self.shape
        kept = reduced_shape(shape, dim, keepdim=True)  # validates dim like torch
        dims = tuple(sorted(_dims(dim, len(shape))))
        count = 1
        for a in dims:
            count *= shape[a]
        value = self.data.sum(dim=dims, keepdim=keepdim) if dims else self.data.sum()
        if mean:
            value = value / count

        def vjp(g: torch.Tensor) -> tuple[torch.Tensor]:
            grad = g.reshape(kept).expand(shape)
            return ((grad / count) if mean else grad,)

        suffix = "0" if dim is None else "1"
        return self._record(name + suffix, value, (self,), vjp, saves=False)

    def tanh(self) -> "Tensor":
        y = torch.tanh(self.data)
        return self._record("TanhBackward0", y, (self,), lambda g: (g * (1 - y * y),))

    def relu(self) -> "Tensor":
        x = self.data
        return self._record(
            "ReluBackward0", x.clamp(min=0), (self,), lambda g: (g * (x > 0).to(g.dtype),)
        )

    def exp(self) -> "Tensor":
        y = torch.exp(self.data)
        return self._record("ExpBackward0", y, (self,), lambda g: (g * y,))

    def log(self) -> "Tensor":
        x = self.data
        return self._record("LogBackward0", torch.log(x), (self,), lambda g: (g / x,))

    # ---- the backward pass ----------------------------------------------------------------

    def backward(self, gradient: torch.Tensor | None = None, retain_graph: bool = False) -> None:
        """Accumulate d(self)/d(leaf), or the VJP ``gradient^T J``, into every leaf's ``.grad``.

        Args:
            gradient: the vector of the vector–Jacobian product, shaped like ``self``; may be
                omitted only for a tensor with one element (it is then 1).
            retain_graph: keep the graph usable for another ``backward()``; by default its
                nodes are released, and a second ``backward()`` raises at the first released
                node that saved values (a graph of only ``+``, ``-``, ``sum`` and ``mean``
                can be traversed again, as in torch).
        """
        if not self.requires_grad:
            raise RuntimeError(
                "element 0 of tensors does not require grad and does not have a grad_fn"
            )
        if gradient is None:
            if self.data.numel() != 1:
                raise RuntimeError("grad can be implicitly created only for scalar outputs")
            gradient = torch.ones_like(self.data)
        elif not isinstance(gradient, torch.Tensor) or gradient.shape != self.shape:
            raise ValueError(
                f"gradient must be a tensor of shape {tuple(self.shape)} (the output's shape)"
            )
        order = _topological_order(self)
        grads: dict[int, torch.Tensor] = {id(self): gradient}
        for tensor in reversed(order):
            grad = grads.pop(id(tensor), None)
            if grad is None:
                continue
            if tensor.is_leaf or tensor._retains_grad:
                if tensor.requires_grad:
                    tensor.grad = grad.clone() if tensor.grad is None else tensor.grad + grad
                if tensor.is_leaf:
                    continue
            node = tensor.grad_fn
            if node.released and node.saves:
                raise RuntimeError(
                    "Trying to backward through the graph a second time; specify "
                    "retain_graph=True if you need to backward through the graph a second time"
                )
            for parent, parent_grad in zip(node.inputs, node.vjp(grad), strict=True):
                if parent_grad is None or not parent.requires_grad:
                    continue
                parent_grad = _unbroadcast(parent_grad, parent.shape)
                key = id(parent)
                grads[key] = grads[key] + parent_grad if key in grads else parent_grad
            if not retain_graph:
                node.released = True


def _dims(dim: int | Sequence[int] | None, ndim: int) -> set[int]:
    """The reduced dimensions, non-negative: all of them for ``None`` or ``()``."""
    dims = () if dim is None else (dim,) if isinstance(dim, int) else tuple(dim)
    if not dims or ndim == 0:
        return set(range(ndim))
    return {d % ndim for d in dims}


def _topological_order(root: Tensor) -> list[Tensor]:
    """Every tensor the root depends on, each after all of its inputs (iterative DFS)."""
    order: list[Tensor] = []
    seen: set[int] = set()
    stack: list[tuple[Tensor, bool]] = [(root, False)]
    while stack:
        tensor, inputs_done = stack.pop()
        if inputs_done:
            order.append(tensor)
            continue
        if id(tensor) in seen:
            continue
        seen.add(id(tensor))
        stack.append((tensor, True))
        if tensor.grad_fn is not None:
            for parent in tensor.grad_fn.inputs:
                if id(parent) not in seen:
                    stack.append((parent, False))
    return order
