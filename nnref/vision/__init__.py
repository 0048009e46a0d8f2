"""Convolutional networks for images: stage-by-stage shapes, parameter counts and augmentation
as plain callables, checked against torch.

Import from the modules (``from nnref.vision.augment import ...``).
"""
