"""The softmax family computed from its formulas: softmax, softmin, Softmax2d, log-softmax.

Every function subtracts the maximum of the slice before ``exp`` (the log-sum-exp trick), so
logits of size ±1000 give exact probabilities instead of ``inf / inf = nan``. Like torch, the
functions need an explicit ``dim``: torch's implicit choice when ``dim`` is omitted is
deprecated (it picks dim 0 for 0-, 1- and 3-dimensional inputs and dim 1 otherwise).
"""

from collections.abc import Sequence

import torch

from nnref._checks import require_floating, require_tensor


def _dim(dim: object, ndim: int, name: str = "dim") -> int:
    """Return ``dim`` as a non-negative index into a tensor of ``ndim`` dimensions.

    Raises ``TypeError`` if ``dim`` is not an int and ``IndexError`` (as torch does) if it is out
    of range; a 0-dimensional tensor accepts ``0`` and ``-1``, like torch.
    """
    if isinstance(dim, bool) or not isinstance(dim, int):
        raise TypeError(f"{name} must be an int, got {type(dim).__name__}")
    size = max(ndim, 1)
    if not -size <= dim < size:
        raise IndexError(
            f"{name} out of range (expected to be in range of [{-size}, {size - 1}], but got {dim})"
        )
    return dim % size


def _input(input: object, dtype: torch.dtype | None) -> torch.Tensor:
    """Check ``input`` like torch (a floating-point tensor) and cast it to ``dtype`` if given."""
    require_tensor("input", input)
    if dtype is not None:
        if not isinstance(dtype, torch.dtype) or not dtype.is_floating_point:
            raise TypeError(f"dtype must be a floating-point torch.dtype, got {dtype!r}")
        input = input.to(dtype)
    return require_floating("input", input)


def logsumexp(input: torch.Tensor, dim: int | Sequence[int], keepdim: bool = False) -> torch.Tensor:
    r"""Return :math:`\log \sum_j e^{x_j}` over ``dim``, without overflow.

    With :math:`m = \max_j x_j`, :math:`\log \sum_j e^{x_j} = m + \log \sum_j e^{x_j - m}`:
    every exponent is at most 0, so nothing overflows, and the largest term is exactly 1, so
    the sum never underflows to 0. Slices whose maximum is infinite use :math:`m = 0` (a slice
    of ``-inf`` gives ``-inf``, a slice holding ``+inf`` gives ``+inf``, as in torch).

    Args:
        input: a floating-point tensor of any shape.
        dim: the dimension, or several dimensions, to reduce.
        keepdim: keep the reduced dimensions with size 1.

    Returns:
        The reduced tensor; its gradient is ``softmax(input)`` over ``dim``.
    """
    input = _input(input, None)
    dims = (dim,) if isinstance(dim, int) and not isinstance(dim, bool) else dim
    if isinstance(dims, torch.Tensor) or not isinstance(dims, Sequence) or not dims:
        raise TypeError(f"dim must be an int or a non-empty sequence of ints, got {dim!r}")
    dims = tuple(_dim(d, input.dim()) for d in dims)
    if len(set(dims)) != len(dims):
        raise ValueError(f"dim {dim!r} names a dimension twice")
    if input.dim() == 0:
        return input.clone()
    shift = input.amax(dim=dims, keepdim=True).detach()
    shift = torch.where(torch.isfinite(shift), shift, torch.zeros_like(shift))
    total = torch.exp(input - shift).sum(dim=dims, keepdim=True)
    result = torch.log(total) + shift
    return result if keepdim else result.squeeze(dims)


def softmax(input: torch.Tensor, dim: int, dtype: torch.dtype | None = None) -> torch.Tensor:
    r"""Return :math:`e^{x_i - m} / \sum_j e^{x_j - m}` along ``dim``, :math:`m = \max_j x_j`.

    Subtracting :math:`m` does not change the result (softmax is invariant to adding a
    constant to every logit) but keeps every ``exp`` in :math:`(0, 1]`.

    Args:
        input: a floating-point tensor of any shape.
        dim: the dimension whose slices become probability vectors (required, unlike torch's
            deprecated default).
        dtype: if given, ``input`` is cast to it first (as ``torch.softmax(..., dtype=)``).

    Returns:
        A tensor of the input's shape with values in :math:`[0, 1]` summing to 1 along ``dim``.
    """
    input = _input(input, dtype)
    dim = _dim(dim, input.dim())
    if input.dim() == 0:
        return torch.exp(input - input)  # exp(0) = 1 with gradient 0, like torch
    shift = input.amax(dim=dim, keepdim=True).detach()
    exps = torch.exp(input - shift)
    return exps / exps.sum(dim=dim, keepdim=True)


def softmin(input: torch.Tensor, dim: int, dtype: torch.dtype | None = None) -> torch.Tensor:
    r"""Return :math:`\mathrm{softmax}(-x)` along ``dim``: the smallest input gets the most mass.

    Args:
        input: a floating-point tensor of any shape.
        dim: the dimension whose slices become probability vectors.
        dtype: if given, ``input`` is cast to it first.
    """
    input = _input(input, dtype)
    return softmax(-input, dim)


def softmax2d(input: torch.Tensor) -> torch.Tensor:
    """Return the softmax over the channels of an ``(N, C, H, W)`` or ``(C, H, W)`` input.

    At every spatial position the ``C`` channel values become a probability vector: this is
    softmax along dim ``-3``, which is what ``nn.Softmax2d`` computes.

    Raises:
        ValueError: if ``input`` is not 3- or 4-dimensional.
    """
    require_tensor("input", input)
    if input.dim() not in (3, 4):
        raise ValueError(
            f"input must be 3D (C, H, W) or 4D (N, C, H, W) for softmax2d, got {input.dim()}D"
        )
    return softmax(input, -3)


def log_softmax(input: torch.Tensor, dim: int, dtype: torch.dtype | None = None) -> torch.Tensor:
    r"""Return :math:`x_i - \log \sum_j e^{x_j}` along ``dim``, computed directly.

    ``torch.log(softmax(x))`` underflows: a probability below the smallest float becomes 0 and
    its log ``-inf``. Subtracting the log-sum-exp (see :func:`logsumexp`) instead keeps every
    value finite: a logit 200 below the maximum gives exactly ``-200``.

    Args:
        input: a floating-point tensor of any shape.
        dim: the dimension along which the log-probabilities are normalised.
        dtype: if given, ``input`` is cast to it first.

    Returns:
        Log-probabilities (values :math:`\le 0`) of the input's shape.
    """
    input = _input(input, dtype)
    dim = _dim(dim, input.dim())
    if input.dim() == 0:
        return input - input  # log 1 = 0 with gradient 0, like torch
    # (x - m) - log(sum(exp(x - m))): subtracting the shift first keeps float32 results exact
    # for large logits (x - (m + log sum) would round m + log sum first).
    shift = input.amax(dim=dim, keepdim=True).detach()
    shift = torch.where(torch.isfinite(shift), shift, torch.zeros_like(shift))
    shifted = input - shift
    return shifted - torch.log(torch.exp(shifted).sum(dim=dim, keepdim=True))


def softmax_jacobian(input: torch.Tensor, dim: int = -1) -> torch.Tensor:
    r"""Return the Jacobian :math:`\partial s_i / \partial x_j = s_i(\delta_{ij} - s_j)`.

    For a slice :math:`s = \mathrm{softmax}(x)` the Jacobian is
    :math:`\mathrm{diag}(s) - s s^{\top}`: symmetric, singular, with rows and columns summing
    to 0 (:math:`J \mathbf{1} = 0`: adding a constant to every logit changes nothing).

    Args:
        input: a floating-point tensor; the Jacobian is taken along ``dim``.
        dim: the softmax dimension.

    Returns:
        A tensor of shape ``(*other, n, n)``: ``dim`` is moved last and each slice of length
        ``n`` gets its ``n x n`` Jacobian.
    """
    input = _input(input, None)
    if input.dim() == 0:
        raise ValueError("input must have at least one dimension for softmax_jacobian")
    dim = _dim(dim, input.dim())
    probabilities = softmax(input, dim).movedim(dim, -1)
    outer = probabilities.unsqueeze(-1) * probabilities.unsqueeze(-2)
    return torch.diag_embed(probabilities) - outer


def softmax_backward(grad_output: torch.Tensor, output: torch.Tensor, dim: int) -> torch.Tensor:
    r"""Return :math:`J^{\top} g = s \odot (g - \langle g, s \rangle)`, the backward of softmax.

    The vector-Jacobian product needs only the forward output ``s``, never the full ``n x n``
    Jacobian: this is what autograd computes for ``torch.softmax``.

    Args:
        grad_output: the gradient of the loss with respect to the softmax output.
        output: the softmax output ``s``.
        dim: the softmax dimension.
    """
    require_tensor("grad_output", grad_output)
    output = _input(output, None)
    if grad_output.shape != output.shape:
        raise ValueError(
            f"grad_output shape {tuple(grad_output.shape)} must equal output shape "
            f"{tuple(output.shape)}"
        )
    dim = _dim(dim, output.dim())
    if output.dim() == 0:
        return torch.zeros_like(output)
    inner = (grad_output * output).sum(dim=dim, keepdim=True)
    return output * (grad_output - inner)


def log_softmax_backward(grad_output: torch.Tensor, output: torch.Tensor, dim: int) -> torch.Tensor:
    r"""Return :math:`g - \mathrm{softmax}(x) \sum_j g_j`, the backward of log-softmax.

    ``output`` is the log-softmax output, so :math:`\mathrm{softmax}(x) = e^{\text{output}}`.

    Args:
        grad_output: the gradient of the loss with respect to the log-softmax output.
        output: the log-softmax output.
        dim: the log-softmax dimension.
    """
    require_tensor("grad_output", grad_output)
    output = _input(output, None)
    if grad_output.shape != output.shape:
        raise ValueError(
            f"grad_output shape {tuple(grad_output.shape)} must equal output shape "
            f"{tuple(output.shape)}"
        )
    dim = _dim(dim, output.dim())
    if output.dim() == 0:
        return torch.zeros_like(output)
    return grad_output - torch.exp(output) * grad_output.sum(dim=dim, keepdim=True)
