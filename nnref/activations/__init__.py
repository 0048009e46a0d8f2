"""Activation functions computed from their formulas."""

from nnref.activations.relu import relu, relu_derivative

__all__ = ["relu", "relu_derivative"]
