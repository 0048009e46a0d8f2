"""nnref: from-scratch reference implementations, figures and the concept catalog.

Every function here computes a formula with basic tensor operations so that a reader can
see the whole computation; the test suite proves each one equal to PyTorch (values,
gradients and any state).
"""

from nnref.activations import relu, relu_derivative
from nnref.layers import linear, linear_init, mlp_forward
from nnref.losses import mse_loss
from nnref.optim import SGD

__all__ = ["SGD", "linear", "linear_init", "mlp_forward", "mse_loss", "relu", "relu_derivative"]
