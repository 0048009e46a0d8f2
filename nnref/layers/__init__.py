"""Layers computed from their formulas."""

from nnref.layers.linear import linear, linear_init
from nnref.layers.mlp import mlp_forward

__all__ = ["linear", "linear_init", "mlp_forward"]
