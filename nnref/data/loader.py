"""A single-process data loader written out: sampler, batch sampler, fetch and collate.

``Loader(dataset, batch_size, shuffle, drop_last, collate_fn, generator)`` yields exactly the
batches of ``torch.utils.data.DataLoader`` with the same arguments and ``num_workers=0``, and
advances the random number generators exactly as it does, so that both give the same order
for the same seed, epoch after epoch:

1. every epoch the iterator first draws one 64-bit number from ``generator`` (or from the
   global generator when ``generator`` is ``None``): the base seed that worker processes would
   use;
2. with ``shuffle=True`` the sampler (``RandomSampler``) draws ``torch.randperm(n)`` from
   ``generator``; without a generator it first seeds a fresh one from a 64-bit number of the
   global generator;
3. when the permutation is exhausted the sampler computes one more ``torch.randperm(n)`` and
   yields none of it (``randperm(n)[:0]``);
4. the batch sampler cuts the index stream into lists of ``batch_size`` (the last one shorter
   unless ``drop_last``), the fetcher reads ``[dataset[i] for i in batch]``, and the collate
   function (``default_collate`` below) turns that list into a batch.
"""

import collections.abc
import copy
import itertools
import math
from collections.abc import Callable, Iterator, Sequence

import numpy as np
import torch

from nnref._checks import require_positive_int

__all__ = [
    "Loader",
    "batch_indices",
    "default_collate",
    "random_indices",
    "random_split_lengths",
    "sequential_indices",
]


def default_collate(batch: Sequence[object]) -> object:
    """Turn a list of samples into a batch, like ``torch.utils.data.default_collate``.

    The type of the first sample decides:

    - tensors are stacked along a new first dimension (all must have the same shape);
    - NumPy arrays become tensors and are stacked; NumPy scalars become a 1-D tensor;
    - Python ``float`` becomes a ``float64`` tensor, ``int`` an ``int64`` tensor (``bool`` a
      ``bool`` tensor);
    - ``str`` and ``bytes`` are returned as they came (the list or tuple of strings);
    - a mapping becomes a mapping of the same keys with each value collated;
    - a named tuple becomes the same named tuple of collated fields; any other tuple or
      sequence becomes a **list** of collated positions (all samples need the same length).

    Args:
        batch: the samples of one batch, as the fetcher returns them.

    Raises:
        ValueError: ``batch`` is empty, or its sequences or tensors differ in size.
        TypeError: a sample has a type that cannot be collated.
    """
    if not isinstance(batch, collections.abc.Sequence) or isinstance(batch, (str, bytes)):
        raise TypeError(f"batch must be a sequence of samples, got {type(batch).__name__}")
    if len(batch) == 0:
        raise ValueError("batch must hold at least one sample")
    elem = batch[0]
    if isinstance(elem, torch.Tensor):
        shape = elem.shape
        if any(sample.shape != shape for sample in batch):
            raise ValueError(f"batch holds tensors of different shapes, e.g. {tuple(shape)}")
        out = torch.empty((len(batch), *shape), dtype=elem.dtype)
        for i, sample in enumerate(batch):
            out[i] = sample
        return out
    if isinstance(elem, np.ndarray):
        if elem.dtype.kind in "OSU":
            raise TypeError(f"batch holds NumPy arrays of dtype {elem.dtype}, not numbers")
        return default_collate([torch.as_tensor(sample) for sample in batch])
    if isinstance(elem, (np.bool_, np.number)):
        return torch.as_tensor(np.array(batch))
    if isinstance(elem, float):
        return torch.tensor(batch, dtype=torch.float64)
    if isinstance(elem, int):
        return torch.tensor(batch)
    if isinstance(elem, (str, bytes)):
        return batch
    if isinstance(elem, collections.abc.Mapping):
        collated = {key: default_collate([sample[key] for sample in batch]) for key in elem}
        if isinstance(elem, collections.abc.MutableMapping):
            clone = copy.copy(elem)
            clone.update(collated)
            return clone
        return collated
    if isinstance(elem, tuple) and hasattr(elem, "_fields"):  # a named tuple
        return type(elem)(*(default_collate(field) for field in zip(*batch, strict=True)))
    if isinstance(elem, collections.abc.Sequence):
        if any(len(sample) != len(elem) for sample in batch):
            raise ValueError("each element in list of batch should be of equal size")
        return [default_collate(position) for position in zip(*batch, strict=True)]
    raise TypeError(f"batch holds a {type(elem).__name__}, which default_collate cannot collate")


def sequential_indices(n: int) -> Iterator[int]:
    """The indices ``0, 1, ..., n - 1`` (``SequentialSampler``)."""
    require_positive_int("n", n)
    yield from range(n)


def random_indices(n: int, generator: torch.Generator | None = None) -> Iterator[int]:
    """A random permutation of ``range(n)``, drawn as ``RandomSampler`` draws it.

    Without a ``generator`` a fresh one is seeded from a 64-bit number of the global
    generator (so ``torch.manual_seed`` fixes the order). After the permutation, one more
    permutation is drawn and discarded, as ``RandomSampler`` does when it runs out.
    """
    require_positive_int("n", n)
    if generator is None:
        seed = int(torch.empty((), dtype=torch.int64).random_().item())
        generator = torch.Generator().manual_seed(seed)
    elif not isinstance(generator, torch.Generator):
        raise TypeError(f"generator must be a torch.Generator, got {type(generator).__name__}")
    yield from torch.randperm(n, generator=generator).tolist()
    yield from torch.randperm(n, generator=generator).tolist()[:0]


def batch_indices(
    indices: Iterator[int], batch_size: int, drop_last: bool = False
) -> Iterator[list[int]]:
    """Cut a stream of indices into lists of ``batch_size`` (``BatchSampler``); the last list
    is shorter, or dropped when ``drop_last`` is true."""
    require_positive_int("batch_size", batch_size)
    indices = iter(indices)
    while batch := list(itertools.islice(indices, batch_size)):
        if len(batch) < batch_size and drop_last:
            return
        yield batch


def random_split_lengths(n: int, lengths: Sequence[float]) -> list[int]:
    """The subset sizes ``torch.utils.data.random_split`` uses for ``lengths``.

    Integers are taken as they are (they must add up to ``n``). Fractions that add up to 1
    become ``floor(n * fraction)`` each, and the ``remainder`` left over is handed out one
    example at a time to the first, second, ... subsets in turn.
    """
    require_positive_int("n", n)
    lengths = list(lengths)
    if not lengths:
        raise ValueError("lengths must not be empty")
    if math.isclose(sum(lengths), 1) and sum(lengths) <= 1:
        for i, fraction in enumerate(lengths):
            if not 0 <= fraction <= 1:
                raise ValueError(f"lengths: fraction at index {i} is not between 0 and 1")
        sizes = [math.floor(n * fraction) for fraction in lengths]
        for i in range(n - sum(sizes)):
            sizes[i % len(sizes)] += 1
        return sizes
    if any(not isinstance(length, int) or length < 0 for length in lengths):
        raise ValueError(f"lengths must be non-negative integers or fractions, got {lengths}")
    if sum(lengths) != n:
        raise ValueError(f"lengths must add up to the dataset size {n}, got {sum(lengths)}")
    return lengths


class Loader:
    """Batches of a map-style dataset, as ``DataLoader(..., num_workers=0)`` yields them.

    Args:
        dataset: any object with ``__len__`` and ``__getitem__(int)``.
        batch_size: samples per batch (default 1, as in torch).
        shuffle: draw a new random order every epoch (default ``False``).
        drop_last: drop the last batch when it is shorter than ``batch_size``.
        collate_fn: turns the list of samples into a batch (default ``default_collate``).
        generator: the ``torch.Generator`` for the order and the per-epoch base seed; ``None``
            uses the global generator, as torch does.
    """

    def __init__(
        self,
        dataset: Sequence[object],
        batch_size: int = 1,
        shuffle: bool = False,
        drop_last: bool = False,
        collate_fn: Callable[[list[object]], object] | None = None,
        generator: torch.Generator | None = None,
    ) -> None:
        if not hasattr(dataset, "__len__") or not hasattr(dataset, "__getitem__"):
            raise TypeError("dataset must define __len__ and __getitem__ (a map-style dataset)")
        require_positive_int("batch_size", batch_size)
        if not isinstance(shuffle, bool):
            raise TypeError(f"shuffle must be a bool, got {type(shuffle).__name__}")
        if not isinstance(drop_last, bool):
            raise TypeError(f"drop_last must be a bool, got {type(drop_last).__name__}")
        if collate_fn is not None and not callable(collate_fn):
            raise TypeError("collate_fn must be callable")
        if generator is not None and not isinstance(generator, torch.Generator):
            raise TypeError(f"generator must be a torch.Generator, got {type(generator).__name__}")
        self.dataset = dataset
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.drop_last = drop_last
        self.collate_fn = collate_fn or default_collate
        self.generator = generator

    def __len__(self) -> int:
        """Batches per epoch: ``ceil(n / batch_size)``, or ``floor`` with ``drop_last``."""
        n = len(self.dataset)
        return n // self.batch_size if self.drop_last else math.ceil(n / self.batch_size)

    def index_batches(self) -> Iterator[list[int]]:
        """The index lists of one epoch (consumes the generators like ``iter(DataLoader)``)."""
        torch.empty((), dtype=torch.int64).random_(generator=self.generator)  # the base seed
        n = len(self.dataset)
        indices = random_indices(n, self.generator) if self.shuffle else sequential_indices(n)
        return batch_indices(indices, self.batch_size, self.drop_last)

    def __iter__(self) -> Iterator[object]:
        """One epoch of collated batches."""
        for batch in self.index_batches():
            yield self.collate_fn([self.dataset[i] for i in batch])
