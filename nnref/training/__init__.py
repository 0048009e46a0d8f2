"""Training from scratch: the training loop, validation and early stopping, weight
initialisation, regularisation and gradient clipping, checked against torch.

Import from the modules (``from nnref.training.init import ...``).
"""
