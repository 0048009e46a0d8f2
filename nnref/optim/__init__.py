"""Optimizers written out step by step, and a harness that runs them beside torch.optim."""

from nnref.optim._base import Optimizer
from nnref.optim.lockstep import lockstep, minibatch_loss
from nnref.optim.sgd import SGD

__all__ = ["SGD", "Optimizer", "lockstep", "minibatch_loss"]
