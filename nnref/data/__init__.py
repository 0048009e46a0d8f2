"""Data loading from scratch: datasets, samplers, batching, collation and composed transforms,
checked against ``torch.utils.data``.

Import from the modules (``from nnref.data.loader import ...``).
"""
