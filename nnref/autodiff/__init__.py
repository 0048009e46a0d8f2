"""Derivatives from scratch: finite differences, Jacobians, backpropagation by hand, dual numbers
and a small reverse-mode engine, each checked against ``torch.autograd`` by the tests.

Import from the modules (``from nnref.autodiff.numeric import ...``).
"""
