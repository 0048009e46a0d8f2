"""Merging tensors: sums, products and concatenation, and the skip connections built on them.

Keras has a layer for each merge (``Add``, ``Multiply``, ``Concatenate``); in PyTorch they are
tensor operations (``+``/``torch.add``, ``*``/``torch.mul``, ``torch.cat``) written in
``forward``. The functions here compute them without those operations: explicit broadcasting
to a common shape, a reduction over a stacked axis, and slice-by-slice copying into a
preallocated output; autograd differentiates through all of them.
"""

from collections.abc import Callable, Sequence

import torch

from nnref._checks import require_floating, require_tensor


def broadcast_shapes(*shapes: Sequence[int]) -> torch.Size:
    """The shape that tensors of ``shapes`` broadcast to, by NumPy/PyTorch rules.

    Shapes are aligned on the right; a missing leading dimension counts as 1; in each
    position the sizes must be equal or one of them must be 1, and the result takes the
    larger. ``(8, 1, 6)`` and ``(7, 1)`` give ``(8, 7, 6)``.

    Raises:
        ValueError: naming the shape (``shapes[i]``) and the dimension that do not broadcast.
    """
    for index, shape in enumerate(shapes):
        if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in shape):
            raise ValueError(f"shapes[{index}] must hold non-negative ints, got {tuple(shape)}")
    ndim = max((len(shape) for shape in shapes), default=0)
    result = [1] * ndim
    owner = [None] * ndim  # which shape fixed the size of each dimension (for the message)
    for index, shape in enumerate(shapes):
        for offset, size in enumerate(reversed(shape)):
            position = ndim - 1 - offset
            if size == 1:
                continue
            if result[position] == 1:
                result[position], owner[position] = size, index
            elif result[position] != size:
                raise ValueError(
                    f"shapes[{index}] = {tuple(shape)} does not broadcast with "
                    f"shapes[{owner[position]}] = {tuple(shapes[owner[position]])}: dimension "
                    f"{-offset - 1} has sizes {size} and {result[position]} (equal or 1 needed)"
                )
    return torch.Size(result)


def _require_inputs(inputs: Sequence[torch.Tensor]) -> list[torch.Tensor]:
    """A non-empty list of tensors of one dtype (a Keras merge layer takes such a list)."""
    if isinstance(inputs, torch.Tensor) or not isinstance(inputs, Sequence):
        raise TypeError(f"inputs must be a list or tuple of tensors, got {type(inputs).__name__}")
    if len(inputs) == 0:
        raise ValueError("inputs must contain at least one tensor")
    tensors = [require_tensor(f"inputs[{i}]", t) for i, t in enumerate(inputs)]
    for index, tensor in enumerate(tensors):
        if tensor.dtype != tensors[0].dtype:
            raise TypeError(
                f"inputs[{index}] has dtype {tensor.dtype} but inputs[0] has {tensors[0].dtype}"
            )
    return tensors


def _broadcast_stack(inputs: Sequence[torch.Tensor]) -> torch.Tensor:
    """Expand every input to the common shape and stack them on a new leading axis."""
    tensors = _require_inputs(inputs)
    shape = broadcast_shapes(*(tuple(t.shape) for t in tensors))
    # expand() makes a view with stride 0 along the broadcast dimensions: no copy of the data.
    return torch.stack([t.expand(shape) for t in tensors])


def add(inputs: Sequence[torch.Tensor]) -> torch.Tensor:
    """Elementwise sum of a list of tensors, with broadcasting (Keras ``Add``, torch ``+``)."""
    return _broadcast_stack(inputs).sum(dim=0)


def multiply(inputs: Sequence[torch.Tensor]) -> torch.Tensor:
    """Elementwise product of a list of tensors, with broadcasting (Keras ``Multiply``)."""
    return _broadcast_stack(inputs).prod(dim=0)


def concatenate(inputs: Sequence[torch.Tensor], dim: int = 0) -> torch.Tensor:
    """Join tensors along an existing dimension ``dim``, like ``torch.cat(inputs, dim)``.

    Every input must have the same number of dimensions and the same size in every dimension
    except ``dim``; the output's size along ``dim`` is the sum of the inputs' sizes. Each input
    is copied into its slice of a preallocated output (autograd records the copies).
    """
    tensors = _require_inputs(inputs)
    if isinstance(dim, bool) or not isinstance(dim, int):
        raise TypeError(f"dim must be an int, got {type(dim).__name__}")
    first = tensors[0]
    ndim = first.dim()
    if ndim == 0:
        raise ValueError("inputs[0] is a 0-d tensor: there is no dimension to concatenate")
    if not -ndim <= dim < ndim:
        raise ValueError(f"dim={dim} is out of range for {ndim}-d inputs (-{ndim} to {ndim - 1})")
    dim %= ndim
    for index, tensor in enumerate(tensors):
        if tensor.dim() != ndim:
            raise ValueError(
                f"inputs[{index}] has {tensor.dim()} dimensions but inputs[0] has {ndim}"
            )
        for axis in range(ndim):
            if axis != dim and tensor.shape[axis] != first.shape[axis]:
                raise ValueError(
                    f"inputs[{index}] has shape {tuple(tensor.shape)}, inputs[0] has "
                    f"{tuple(first.shape)}: sizes must match in every dimension except dim={dim}"
                    f" (they differ in dimension {axis})"
                )
    shape = list(first.shape)
    shape[dim] = sum(t.shape[dim] for t in tensors)
    output = first.new_empty(shape)
    offset = 0
    for tensor in tensors:
        size = tensor.shape[dim]
        output.narrow(dim, offset, size).copy_(tensor)
        offset += size
    return output


def residual(input: torch.Tensor, block: Callable[[torch.Tensor], torch.Tensor]) -> torch.Tensor:
    """A residual (skip) connection: ``y = x + F(x)`` with ``F = block``.

    ``F(x)`` must have exactly the shape of ``x`` (a ResNet uses a 1x1 convolution on the skip
    path when it does not). Because ``dy/dx = I + dF/dx``, the gradient reaches ``x`` through
    the identity even where ``dF/dx`` is small.
    """
    require_tensor("input", input)
    if not callable(block):
        raise TypeError(f"block must be callable, got {type(block).__name__}")
    update = require_tensor("block(input)", block(input))
    if update.shape != input.shape:
        raise ValueError(
            f"block(input) has shape {tuple(update.shape)} but input has {tuple(input.shape)}: "
            "a residual connection adds them, so the shapes must be equal"
        )
    return add([input, update])


def sigmoid(input: torch.Tensor) -> torch.Tensor:
    """``1 / (1 + exp(-x))``: a gate between 0 and 1."""
    require_floating("input", require_tensor("input", input))
    return 1.0 / (1.0 + torch.exp(-input))


def gated(input: torch.Tensor, gate: torch.Tensor) -> torch.Tensor:
    """Multiplicative gating ``x * sigmoid(g)``: the gate decides how much of ``x`` passes."""
    require_floating("input", require_tensor("input", input))
    require_floating("gate", require_tensor("gate", gate))
    return multiply([input, sigmoid(gate)])


def glu(input: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """Gated linear unit: split ``input`` in halves ``a, b`` along ``dim``; ``a * sigmoid(b)``.

    Equals ``torch.nn.functional.glu(input, dim)``; the size along ``dim`` must be even.
    """
    require_floating("input", require_tensor("input", input))
    if isinstance(dim, bool) or not isinstance(dim, int):
        raise TypeError(f"dim must be an int, got {type(dim).__name__}")
    if input.dim() == 0 or not -input.dim() <= dim < input.dim():
        raise ValueError(f"dim={dim} is out of range for an input of shape {tuple(input.shape)}")
    size = input.shape[dim]
    if size % 2:
        raise ValueError(f"input must have an even size along dim={dim}, got {size}")
    half = size // 2
    return gated(input.narrow(dim, 0, half), input.narrow(dim, half, half))
