"""Weight initialisation from scratch: the formulas of ``torch.nn.init``.

Each function fills a tensor in place exactly as its ``torch.nn.init`` namesake does: the same
fan computation, the same standard deviation or bound, and the same calls to the tensor's own
random primitives (``Tensor.uniform_``, ``Tensor.normal_``) in the same order, so that with the
same ``generator`` (or the same global seed) the values are bit-for-bit equal.

    fan_in  = size(1) * prod(size(2:))      fan_out = size(0) * prod(size(2:))
    Xavier (Glorot):  Var(w) = gain^2 * 2 / (fan_in + fan_out)
    Kaiming (He):     Var(w) = gain^2 / fan          (fan = fan_in or fan_out)
    U(-b, b) has variance b^2 / 3, so the uniform bound is b = sqrt(3) * std.
"""

import math
import warnings

import torch

from nnref._checks import require_tensor

LINEAR_NONLINEARITIES = (
    "linear",
    "conv1d",
    "conv2d",
    "conv3d",
    "conv_transpose1d",
    "conv_transpose2d",
    "conv_transpose3d",
)
FAN_MODES = ("fan_in", "fan_out")


def calculate_fan_in_and_fan_out(tensor: torch.Tensor) -> tuple[int, int]:
    """The fans of a weight stored as ``(out, in, *kernel)``, as torch computes them.

    Args:
        tensor: a weight with at least 2 dimensions: ``(out_features, in_features)`` for
            ``nn.Linear``, ``(out_channels, in_channels / groups, *kernel_size)`` for a
            convolution.

    Returns:
        ``(fan_in, fan_out)``: ``size(1)`` and ``size(0)``, each times the receptive field
        size (the product of the trailing dimensions).

    Raises:
        TypeError: if ``tensor`` is not a tensor.
        ValueError: if ``tensor`` has fewer than 2 dimensions.
    """
    require_tensor("tensor", tensor)
    if tensor.dim() < 2:
        raise ValueError(
            "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions"
        )
    receptive_field = 1
    for size in tensor.shape[2:]:
        receptive_field *= size
    return tensor.size(1) * receptive_field, tensor.size(0) * receptive_field


def calculate_gain(nonlinearity: str, param: float | None = None) -> float:
    """The gain torch recommends for a nonlinearity.

    ``1`` for linear maps, convolutions and sigmoid, ``5/3`` for tanh, ``sqrt(2)`` for ReLU,
    ``sqrt(2 / (1 + a^2))`` for leaky ReLU with negative slope ``a`` (default ``0.01``), and
    ``3/4`` for SELU.

    Raises:
        ValueError: for an unknown ``nonlinearity`` or a non-numeric ``param``.
    """
    if nonlinearity in LINEAR_NONLINEARITIES or nonlinearity == "sigmoid":
        return 1
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        if param is None:
            slope = 0.01
        elif (isinstance(param, int) and not isinstance(param, bool)) or isinstance(param, float):
            slope = param
        else:
            raise ValueError(f"negative_slope {param} not a valid number")
        return math.sqrt(2.0 / (1 + slope**2))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise ValueError(f"Unsupported nonlinearity {nonlinearity}")


def _fan(tensor: torch.Tensor, mode: str) -> int:
    if mode not in FAN_MODES:
        raise ValueError(f"Mode {mode} not supported, please use one of {list(FAN_MODES)}")
    fan_in, fan_out = calculate_fan_in_and_fan_out(tensor)
    return fan_in if mode == "fan_in" else fan_out


def xavier_std(tensor: torch.Tensor, gain: float = 1.0) -> float:
    """``gain * sqrt(2 / (fan_in + fan_out))``, the Glorot standard deviation."""
    fan_in, fan_out = calculate_fan_in_and_fan_out(tensor)
    return gain * math.sqrt(2.0 / float(fan_in + fan_out))


def kaiming_std(
    tensor: torch.Tensor, a: float = 0, mode: str = "fan_in", nonlinearity: str = "leaky_relu"
) -> float:
    """``gain / sqrt(fan)``, the He standard deviation (``fan`` chosen by ``mode``)."""
    fan = _fan(tensor, mode)
    return calculate_gain(nonlinearity, a) / math.sqrt(fan)


def xavier_uniform_(
    tensor: torch.Tensor, gain: float = 1.0, generator: torch.Generator | None = None
) -> torch.Tensor:
    """Fill ``tensor`` from ``U(-b, b)``, ``b = gain * sqrt(6 / (fan_in + fan_out))``."""
    bound = math.sqrt(3.0) * xavier_std(tensor, gain)
    with torch.no_grad():
        return tensor.uniform_(-bound, bound, generator=generator)


def xavier_normal_(
    tensor: torch.Tensor, gain: float = 1.0, generator: torch.Generator | None = None
) -> torch.Tensor:
    """Fill ``tensor`` from ``N(0, std^2)``, ``std = gain * sqrt(2 / (fan_in + fan_out))``."""
    std = xavier_std(tensor, gain)
    with torch.no_grad():
        return tensor.normal_(0.0, std, generator=generator)


def _empty_warning(tensor: torch.Tensor) -> bool:
    if 0 in tensor.shape:
        warnings.warn("Initializing zero-element tensors is a no-op", stacklevel=3)
        return True
    return False


def kaiming_uniform_(
    tensor: torch.Tensor,
    a: float = 0,
    mode: str = "fan_in",
    nonlinearity: str = "leaky_relu",
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """Fill ``tensor`` from ``U(-b, b)``, ``b = gain * sqrt(3 / fan)``.

    ``gain = calculate_gain(nonlinearity, a)``; ``fan`` is ``fan_in`` (keeps the variance of
    the forward pass) or ``fan_out`` (of the backward pass).
    """
    require_tensor("tensor", tensor)
    if _empty_warning(tensor):
        return tensor
    bound = math.sqrt(3.0) * kaiming_std(tensor, a, mode, nonlinearity)
    with torch.no_grad():
        return tensor.uniform_(-bound, bound, generator=generator)


def kaiming_normal_(
    tensor: torch.Tensor,
    a: float = 0,
    mode: str = "fan_in",
    nonlinearity: str = "leaky_relu",
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """Fill ``tensor`` from ``N(0, std^2)``, ``std = gain / sqrt(fan)``."""
    require_tensor("tensor", tensor)
    if _empty_warning(tensor):
        return tensor
    std = kaiming_std(tensor, a, mode, nonlinearity)
    with torch.no_grad():
        return tensor.normal_(0, std, generator=generator)


def orthogonal_(
    tensor: torch.Tensor, gain: float = 1, generator: torch.Generator | None = None
) -> torch.Tensor:
    """Fill ``tensor`` with a (semi-)orthogonal matrix times ``gain`` (Saxe et al., 2013).

    A ``rows x cols`` Gaussian matrix (trailing dimensions flattened into ``cols``) is
    factored as ``Q R``; the signs of ``diag(R)`` fix ``Q`` so that it is uniformly
    distributed. The rows (if ``rows <= cols``) or columns are orthonormal.
    """
    require_tensor("tensor", tensor)
    if tensor.dim() < 2:
        raise ValueError("Only tensors with 2 or more dimensions are supported")
    if tensor.numel() == 0:
        return tensor
    rows = tensor.size(0)
    cols = tensor.numel() // rows
    flat = tensor.new_empty((rows, cols)).normal_(0, 1, generator=generator)
    if rows < cols:
        flat.t_()
    q, r = torch.linalg.qr(flat)
    q *= torch.diag(r, 0).sign()
    if rows < cols:
        q.t_()
    with torch.no_grad():
        tensor.view_as(q).copy_(q)
        tensor.mul_(gain)
    return tensor


def _norm_cdf(x: float) -> float:
    return (1.0 + math.erf(x / math.sqrt(2.0))) / 2.0


def trunc_normal_(
    tensor: torch.Tensor,
    mean: float = 0.0,
    std: float = 1.0,
    a: float = -2.0,
    b: float = 2.0,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """Fill ``tensor`` from ``N(mean, std^2)`` restricted to ``[a, b]``, by rejection.

    torch 2.13's algorithm: when the interval keeps more than 30 % of the normal's mass,
    draw normals and redraw those outside ``[a, b]``; otherwise draw uniform candidates on
    ``[a, b]`` and accept each with probability ``pdf(x) / pdf(mode)``. The bounds ``a`` and
    ``b`` are absolute values, not multiples of ``std``.
    """
    require_tensor("tensor", tensor)
    if (mean < a - 2 * std) or (mean > b + 2 * std):
        warnings.warn(
            "mean is more than 2 std from [a, b] in nn.init.trunc_normal_. "
            "The distribution of values may be incorrect.",
            stacklevel=2,
        )
    with torch.no_grad():
        kept_mass = _norm_cdf((b - mean) / std) - _norm_cdf((a - mean) / std)
        if kept_mass > 0.3:
            low = tensor.new_tensor(a, device="cpu").item()
            high = tensor.new_tensor(b, device="cpu").item()
            result = tensor.normal_(mean, std, generator=generator)
            while True:
                outside = (result < low) | (result > high)
                if not outside.any():
                    break
                fresh = torch.empty_like(result).normal_(mean, std, generator=generator)
                result = torch.where(outside, fresh, result)
            if tensor is not result:
                tensor.copy_(result)
            return tensor
        log_peak = -0.5 * ((max(a, min(mean, b)) - mean) / std) ** 2
        candidates = torch.empty_like(tensor)
        accept = torch.empty_like(tensor)

        def log_ratio(values: torch.Tensor) -> torch.Tensor:
            return values.sub_(mean).div_(std).pow_(2).mul_(-0.5).sub_(log_peak)

        tensor.uniform_(a, b, generator=generator)
        candidates.copy_(tensor)
        log_ratio(candidates)
        pending = accept.uniform_(generator=generator).log_().gt(candidates)
        if pending.any():
            result = tensor
            while True:
                candidates.uniform_(a, b, generator=generator)
                result = torch.where(pending, candidates, result)
                log_ratio(candidates)
                rejected = accept.uniform_(generator=generator).log_().gt(candidates)
                pending = torch.where(pending, rejected, pending)
                if not pending.any():
                    break
            tensor.copy_(result)
        return tensor


def constant_(tensor: torch.Tensor, val: float) -> torch.Tensor:
    """Fill ``tensor`` with ``val`` (no gradient is recorded)."""
    require_tensor("tensor", tensor)
    with torch.no_grad():
        return tensor.fill_(val)


def zeros_(tensor: torch.Tensor) -> torch.Tensor:
    """Fill ``tensor`` with zeros (no gradient is recorded)."""
    return constant_(tensor, 0.0)


def default_init_(
    weight: torch.Tensor,
    bias: torch.Tensor | None = None,
    generator: torch.Generator | None = None,
) -> None:
    """The default initialisation of ``nn.Linear`` and ``nn.Conv*d`` (``reset_parameters``).

    ``kaiming_uniform_(weight, a=sqrt(5))``: gain ``sqrt(2 / 6) = 1 / sqrt(3)``, bound
    ``sqrt(3) * gain / sqrt(fan_in) = 1 / sqrt(fan_in)``, so ``weight ~ U(-k, k)`` with
    ``k = 1 / sqrt(fan_in)`` and ``Var(w) = 1 / (3 fan_in)``; then ``bias ~ U(-k, k)``.
    """
    kaiming_uniform_(weight, a=math.sqrt(5), generator=generator)
    if bias is not None:
        fan_in, _ = calculate_fan_in_and_fan_out(weight)
        bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
        with torch.no_grad():
            bias.uniform_(-bound, bound, generator=generator)
