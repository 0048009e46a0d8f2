"""Optimizers written out step by step, and a harness that runs them beside torch.optim.

Every class here has the name and the defaults of its ``torch.optim`` twin; the schedules,
averaging and plateau helpers live in their own modules (``nnref.optim.schedules``, ...).
"""

from nnref.optim._base import Optimizer
from nnref.optim.adadelta import Adadelta
from nnref.optim.adafactor import Adafactor
from nnref.optim.adagrad import Adagrad
from nnref.optim.adam import Adam
from nnref.optim.adamax import Adamax
from nnref.optim.adamw import AdamW
from nnref.optim.asgd import ASGD
from nnref.optim.lbfgs import LBFGS
from nnref.optim.lockstep import lockstep, minibatch_loss
from nnref.optim.muon import Muon
from nnref.optim.nadam import NAdam
from nnref.optim.radam import RAdam
from nnref.optim.rmsprop import RMSprop
from nnref.optim.rprop import Rprop
from nnref.optim.sgd import SGD
from nnref.optim.sparse_adam import SparseAdam

__all__ = [
    "ASGD",
    "LBFGS",
    "SGD",
    "Adadelta",
    "Adafactor",
    "Adagrad",
    "Adam",
    "AdamW",
    "Adamax",
    "Muon",
    "NAdam",
    "Optimizer",
    "RAdam",
    "RMSprop",
    "Rprop",
    "SparseAdam",
    "lockstep",
    "minibatch_loss",
]
