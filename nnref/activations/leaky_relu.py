"""ReLU with a slope for negative inputs: ``LeakyReLU`` (fixed), ``PReLU`` (learned), ``RReLU``
(random in training).

All three compute ``x`` for ``x > 0`` and ``a * x`` otherwise, and take the negative branch at
``x = 0``: the derivative there is ``a``, as in torch.
"""

import torch

from nnref._checks import require_tensor
from nnref.activations.relu import finish, require_floating_input, require_number


def leaky_relu(
    input: torch.Tensor, negative_slope: float = 0.01, inplace: bool = False
) -> torch.Tensor:
    """Return ``x`` where ``x > 0`` and ``negative_slope * x`` elsewhere.

    Args:
        input: floating-point tensor of any shape.
        negative_slope: the slope ``a`` for ``x <= 0`` (any real number; torch's default 0.01).
        inplace: write the result into ``input`` and return it.
    """
    require_floating_input(input)
    require_number("negative_slope", negative_slope)
    result = torch.where(input > 0, input, input * negative_slope)
    return finish(input, result, inplace)


def leaky_relu_derivative(input: torch.Tensor, negative_slope: float = 0.01) -> torch.Tensor:
    """Return ``1`` where ``x > 0`` and ``negative_slope`` elsewhere (also at ``x = 0``)."""
    require_floating_input(input)
    require_number("negative_slope", negative_slope)
    slope = torch.tensor(negative_slope, dtype=torch.float64).to(input.dtype)
    return torch.where(input > 0, torch.ones_like(input), slope)


def _prelu_slopes(input: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
    """Check ``weight`` against ``input`` and shape it to broadcast over the channel axis 1."""
    require_floating_input(input)
    require_tensor("weight", weight)
    if weight.dim() > 1:
        raise ValueError(f"weight must be a scalar or 1-D tensor, got {weight.dim()}-D")
    count = weight.numel()
    if input.dim() == 0 and count != 1:
        raise ValueError(f"a 0-D input needs a weight with 1 element, got {count}")
    channels = input.shape[1] if input.dim() >= 2 else 1
    if count not in (1, channels):
        raise ValueError(
            f"weight has {count} elements, but input has {channels} channels in dimension 1 "
            "(a weight has 1 element or one per channel)"
        )
    if count == 1:
        return weight.reshape(())
    return weight.reshape(1, channels, *([1] * (input.dim() - 2)))


def prelu(input: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
    """Return ``x`` where ``x > 0`` and ``a_c * x`` elsewhere, ``a_c`` the weight of channel c.

    Args:
        input: floating-point tensor; its channel axis is dimension 1 (a tensor with fewer
            than 2 dimensions has one channel).
        weight: the learned slopes, 1 element (shared) or one per channel, as
            ``torch.nn.PReLU(num_parameters).weight``.
    """
    slopes = _prelu_slopes(input, weight)
    return torch.where(input > 0, input, slopes * input)


def prelu_derivative(
    input: torch.Tensor, weight: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return ``(dy/dx, dy/da)`` elementwise, both of the shape of ``input``.

    ``dy/dx`` is 1 where ``x > 0`` and the channel's slope ``a`` elsewhere; ``dy/da`` is 0 where
    ``x > 0`` and ``x`` elsewhere. The gradient of the weight sums ``grad * dy/da`` over every
    dimension but the channel axis (over all of them for a shared weight).
    """
    slopes = _prelu_slopes(input, weight).detach()
    positive = input > 0
    d_input = torch.where(positive, torch.ones_like(input), slopes.expand_as(input))
    d_weight = torch.where(positive, torch.zeros_like(input), input)
    return d_input, d_weight


def _check_bounds(lower: object, upper: object) -> None:
    require_number("lower", lower)
    require_number("upper", upper)
    if lower > upper:
        raise ValueError(f"lower must be <= upper, got lower={lower}, upper={upper}")


def rrelu_with_noise(
    input: torch.Tensor,
    lower: float = 1.0 / 8,
    upper: float = 1.0 / 3,
    training: bool = False,
    generator: torch.Generator | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return ``(output, noise)``: the RReLU of ``input`` and the slope used for each element.

    ``noise`` is also the derivative ``dy/dx``. In evaluation every ``x <= 0`` gets the slope
    ``(lower + upper) / 2``. In training each ``x <= 0`` gets its own slope drawn from
    ``U(lower, upper)``, and ``x > 0`` gets 1. The draws reproduce torch's CPU kernel: one
    float64 uniform number per element ``x <= 0`` in row-major order, from the same generator,
    mapped to ``u * (upper - lower) + lower`` with the bounds rounded to float32 first unless
    the input is float64. After the same ``torch.manual_seed``, ``output`` equals
    ``F.rrelu(input, lower, upper, training=True)`` exactly.

    Args:
        input: floating-point tensor of any shape.
        lower: lower bound of the slope (default 1/8).
        upper: upper bound of the slope (default 1/3).
        training: sample the slopes (``True``) or use their mean (``False``).
        generator: the random generator (default: torch's global one).
    """
    require_floating_input(input)
    _check_bounds(lower, upper)
    if not isinstance(training, bool):
        raise TypeError(f"training must be a bool, got {type(training).__name__}")
    if not training:
        slope = (lower + upper) / 2
        return leaky_relu(input, slope), leaky_relu_derivative(input.detach(), slope)
    opmath = torch.float64 if input.dtype == torch.float64 else torch.float32
    low = torch.tensor(lower, dtype=torch.float64).to(opmath).double()
    high = torch.tensor(upper, dtype=torch.float64).to(opmath).double()
    negative = input.detach().reshape(-1) <= 0  # row-major order, as the kernel walks
    uniform = torch.rand(int(negative.sum()), dtype=torch.float64, generator=generator)
    noise = torch.ones(input.shape, dtype=opmath).reshape(-1)
    noise[negative] = (uniform * (high - low) + low).to(opmath)
    noise = noise.reshape(input.shape)
    output = (input.to(opmath) * noise).to(input.dtype)
    return output, noise.to(input.dtype)


def rrelu(
    input: torch.Tensor,
    lower: float = 1.0 / 8,
    upper: float = 1.0 / 3,
    training: bool = False,
    inplace: bool = False,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """Randomized leaky ReLU, equal to ``torch.nn.functional.rrelu`` (see ``rrelu_with_noise``).

    Args:
        input: floating-point tensor of any shape.
        lower: lower bound of the random slope (default 1/8).
        upper: upper bound of the random slope (default 1/3).
        training: sample a slope per element (``True``) or use ``(lower + upper) / 2``.
        inplace: write the result into ``input`` and return it.
        generator: the random generator (default: torch's global one).
    """
    output, _ = rrelu_with_noise(input, lower, upper, training, generator)
    return finish(input, output, inplace)
