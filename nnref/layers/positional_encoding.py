"""Sinusoidal positional encoding of "Attention Is All You Need" and its shift property.

``PE[pos, 2i] = sin(pos / base^(2i/d))`` and ``PE[pos, 2i+1] = cos(pos / base^(2i/d))``:
pair ``i`` of features is a point on the unit circle turning with angular frequency
``w_i = base^(-2i/d)``, from one turn per ``2*pi`` positions (``i = 0``) down to one turn per
``2*pi*base`` positions. Shifting every position by ``k`` rotates each pair by ``k * w_i``, a
linear map that does not depend on ``pos`` (:func:`position_shift_matrix`).
"""

import torch

from nnref._checks import require_positive_int


def _require_even_d_model(d_model: int) -> int:
    require_positive_int("d_model", d_model)
    if d_model % 2:
        raise ValueError(
            f"d_model must be even (features come in sine/cosine pairs), got {d_model}"
        )
    return d_model


def _require_base(base: float) -> float:
    if isinstance(base, bool) or not isinstance(base, int | float):
        raise TypeError(f"base must be a number, got {type(base).__name__}")
    if base <= 1:
        raise ValueError(f"base must be greater than 1, got {base}")
    return float(base)


def frequencies(d_model: int, base: float = 10000.0) -> torch.Tensor:
    """The angular frequencies ``w_i = base^(-2i/d_model)``, ``i = 0 .. d_model/2 - 1``, float64."""
    _require_even_d_model(d_model)
    base = _require_base(base)
    exponents = torch.arange(0, d_model, 2, dtype=torch.float64) / d_model
    return base**-exponents


def sinusoidal_positional_encoding(
    length: int, d_model: int, base: float = 10000.0, dtype: torch.dtype = torch.float32
) -> torch.Tensor:
    """The ``(length, d_model)`` table: ``sin`` in even columns, ``cos`` in odd columns.

    Args:
        length: number of positions ``0 .. length-1``.
        d_model: number of features; must be even (a ``ValueError`` otherwise).
        base: the wavelength scale, 10000 in the paper.
        dtype: dtype of the result (computed in float64, then cast).

    Returns:
        Tensor of shape ``(length, d_model)``, to be added to embeddings of shape
        ``(N, length, d_model)`` (broadcast over the batch) or, for the sequence-first layout
        ``(length, N, d_model)``, after ``unsqueeze(1)``.
    """
    require_positive_int("length", length)
    omega = frequencies(d_model, base)
    angles = torch.arange(length, dtype=torch.float64).unsqueeze(1) * omega  # (length, d/2)
    table = torch.stack([torch.sin(angles), torch.cos(angles)], dim=-1)  # (length, d/2, 2)
    return table.reshape(length, d_model).to(dtype)


def position_shift_matrix(
    offset: int, d_model: int, base: float = 10000.0, dtype: torch.dtype = torch.float32
) -> torch.Tensor:
    """The ``(d_model, d_model)`` matrix ``M_k`` with ``PE[pos + k] = M_k @ PE[pos]`` for all pos.

    Block diagonal: pair ``i`` gets the rotation ``[[cos kw_i, sin kw_i], [-sin kw_i, cos kw_i]]``,
    from ``sin(a + b) = sin a cos b + cos a sin b`` and ``cos(a + b) = cos a cos b - sin a sin b``.
    """
    if isinstance(offset, bool) or not isinstance(offset, int):
        raise TypeError(f"offset must be an int, got {type(offset).__name__}")
    angles = offset * frequencies(d_model, base)
    cos, sin = torch.cos(angles), torch.sin(angles)
    matrix = torch.zeros(d_model, d_model, dtype=torch.float64)
    even = torch.arange(0, d_model, 2)
    matrix[even, even] = cos
    matrix[even, even + 1] = sin
    matrix[even + 1, even] = -sin
    matrix[even + 1, even + 1] = cos
    return matrix.to(dtype)
