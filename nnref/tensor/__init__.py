"""The tensor model from scratch: shapes, strides, views and broadcasting, checked against torch.

Import from the modules (``from nnref.tensor.strides import ...``).
"""
