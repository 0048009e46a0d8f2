"""Loss functions computed from their formulas."""

from nnref.losses.mse import mse_loss

__all__ = ["mse_loss"]
