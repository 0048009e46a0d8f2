"""One torch thread for small computations (figures, word2vec training)."""

import contextlib
from collections.abc import Iterator

import torch


@contextlib.contextmanager
def one_thread() -> Iterator[None]:
    """Run the block (or, as a decorator, the function) on one torch thread, then restore
    the thread count.

    Tiny tensors run much faster on one thread when the machine is busy, and float reductions
    then happen in one fixed order, so figures and printed numbers do not depend on how many
    threads the machine has.
    """
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)
