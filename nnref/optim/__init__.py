"""Optimizers written out step by step."""

from nnref.optim.sgd import SGD

__all__ = ["SGD"]
