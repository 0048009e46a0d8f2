"""Muon: momentum, then the update matrix orthogonalised by a Newton–Schulz iteration.

The update is the one ``torch.optim.Muon`` performs, for every 2-D parameter W (m x n):

    B  = momentum * B + (1 - momentum) * G            (B starts at zero)
    U  = (1 - momentum) * G + momentum * B   if nesterov else B
    O  = NS(U): U / max(||U||_F, eps), then ns_steps quintic iterations
         X <- a X + (b X X^T + c (X X^T)^2) X        (on U^T if m > n; in bfloat16)
    W  = W * (1 - lr * weight_decay)                  (decoupled weight decay)
    W  = W - lr * s(m, n) * O,   s = sqrt(max(1, m / n))   ("original", the default)
                                 s = 0.2 * sqrt(max(m, n)) ("match_rms_adamw")
"""

import math
from collections.abc import Iterable

import torch

from nnref.optim._base import Optimizer

# Keller Jordan's quintic coefficients (a, b, c), torch's defaults.
NS_COEFFICIENTS = (3.4445, -4.775, 2.0315)
ADJUST_LR_FNS = (None, "original", "match_rms_adamw")


def newton_schulz(
    matrix: torch.Tensor,
    coefficients: tuple[float, float, float] = NS_COEFFICIENTS,
    steps: int = 5,
    eps: float = 1e-7,
) -> torch.Tensor:
    """Approximately orthogonalise ``matrix`` (push its singular values towards 1).

    Works in bfloat16, as torch does: X = M / max(||M||_F, eps), so that every singular
    value is at most 1, then ``steps`` times X <- a X + (b A + c A^2) X with A = X X^T.
    Each singular value sigma follows p(sigma) = a sigma + b sigma^3 + c sigma^5, which pulls
    small values up fast and leaves them near 1 but not at 1: after the default five steps
    values from about 0.003 to 1 lie between about 0.7 and 1.2 (exactly 1 becomes about 0.7).
    A tall matrix (more rows than columns) is transposed first, so that A is the smaller
    Gram matrix. ``torch.addmm`` computes each "scalar times matrix plus product" with one
    rounding to bfloat16, exactly as torch's Muon does.
    """
    if matrix.ndim != 2:
        raise ValueError(f"matrix must be 2-D, got shape {tuple(matrix.shape)}")
    a, b, c = coefficients
    tall = matrix.size(0) > matrix.size(1)
    x = matrix.bfloat16()
    if tall:
        x = x.T
    x = x / x.norm().clamp(min=eps)  # Frobenius norm >= spectral norm: sigma_max <= 1
    for _ in range(steps):
        gram = x @ x.T
        poly = torch.addmm(gram, gram, gram, beta=b, alpha=c)  # b A + c A^2
        x = torch.addmm(x, poly, x, beta=a)  # a X + (b A + c A^2) X
    return x.T if tall else x


def adjusted_lr(lr: float, adjust_lr_fn: str | None, shape: torch.Size) -> float:
    """The learning rate Muon applies to the orthogonalised update of a (rows, cols) matrix."""
    rows, cols = shape[:2]
    if adjust_lr_fn == "match_rms_adamw":
        return lr * (0.2 * math.sqrt(max(rows, cols)))
    return lr * math.sqrt(max(1, rows / cols))  # None or "original"


class Muon(Optimizer):
    """Plain-Python Muon over 2-D parameters; equal to ``torch.optim.Muon`` step by step."""

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 1e-3,
        weight_decay: float = 0.1,
        momentum: float = 0.95,
        nesterov: bool = True,
        ns_coefficients: tuple[float, float, float] = NS_COEFFICIENTS,
        eps: float = 1e-7,
        ns_steps: int = 5,
        adjust_lr_fn: str | None = None,
    ) -> None:
        super().__init__(params)
        if not lr >= 0:
            raise ValueError(f"Learning rate should be >= 0 but is: {lr}")
        if not momentum >= 0:
            raise ValueError(f"momentum should be >= 0 but is: {momentum}")
        if not weight_decay >= 0:
            raise ValueError(f"weight decay should be >= 0 but is: {weight_decay}")
        if adjust_lr_fn not in ADJUST_LR_FNS:
            raise ValueError(f"Adjust learning rate function {adjust_lr_fn} is not supported")
        if len(ns_coefficients) != 3:
            raise ValueError("ns_coefficients must be a tuple of exactly 3 values")
        if isinstance(ns_steps, bool) or not isinstance(ns_steps, int):
            raise TypeError(f"ns_steps must be an int, got {type(ns_steps).__name__}")
        if not 0 <= ns_steps < 100:
            raise ValueError(f"ns_steps must be in [0, 100), got {ns_steps}")
        for index, param in enumerate(self.params):
            if param.ndim != 2:
                raise ValueError(
                    f"Muon only supports 2D parameters: params[{index}] has size {param.size()}"
                )
        self.lr, self.weight_decay, self.momentum = float(lr), float(weight_decay), momentum
        self.nesterov = bool(nesterov)
        self.ns_coefficients = tuple(ns_coefficients)
        self.eps, self.ns_steps, self.adjust_lr_fn = eps, ns_steps, adjust_lr_fn

    def update(self, param: torch.Tensor, grad: torch.Tensor, state: dict) -> None:
        """One Muon step of the matrix ``param``; the momentum buffer starts at zero."""
        buffer = state.setdefault("momentum_buffer", torch.zeros_like(grad))
        buffer.lerp_(grad, 1 - self.momentum)  # momentum * B + (1 - momentum) * G
        update = grad.lerp(buffer, self.momentum) if self.nesterov else buffer
        orthogonal = newton_schulz(update, self.ns_coefficients, self.ns_steps, self.eps)
        param.mul_(1 - self.lr * self.weight_decay)
        param.add_(orthogonal, alpha=-adjusted_lr(self.lr, self.adjust_lr_fn, param.shape))
