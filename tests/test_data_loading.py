"""nnref.data.loader and nnref.data.transforms against torch.utils.data."""

from collections import OrderedDict, namedtuple

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch.utils.data import DataLoader, TensorDataset, random_split
from torch.utils.data import default_collate as torch_collate

from nnref.data.loader import (
    Loader,
    batch_indices,
    default_collate,
    random_indices,
    random_split_lengths,
)
from nnref.data.transforms import Compose, Lambda, Normalize, RandomHorizontalFlip, ToDtype


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    old = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(old)


def assert_same(ours, theirs):
    """Equal structure, types and values (tensors: same dtype and values)."""
    assert type(ours) is type(theirs), (type(ours), type(theirs))
    if isinstance(theirs, torch.Tensor):
        assert ours.dtype == theirs.dtype
        torch.testing.assert_close(ours, theirs, rtol=0, atol=0)
    elif isinstance(theirs, dict):
        assert list(ours) == list(theirs)
        for key in theirs:
            assert_same(ours[key], theirs[key])
    elif isinstance(theirs, (list, tuple)):
        assert len(ours) == len(theirs)
        for a, b in zip(ours, theirs, strict=True):
            assert_same(a, b)
    else:
        assert ours == theirs


def _dataset(n):
    x = torch.arange(n * 3, dtype=torch.float32).reshape(n, 3)
    return TensorDataset(x, torch.arange(n) % 4)


@settings(max_examples=40)
@given(
    n=st.integers(1, 40),
    batch_size=st.integers(1, 12),
    drop_last=st.booleans(),
    shuffle=st.booleans(),
    seed=st.integers(0, 2**31),
)
def test_loader_gives_the_dataloader_batches_for_three_epochs(
    n, batch_size, drop_last, shuffle, seed
):
    dataset = _dataset(n)
    theirs = DataLoader(
        dataset,
        batch_size=batch_size,
        shuffle=shuffle,
        drop_last=drop_last,
        generator=torch.Generator().manual_seed(seed),
    )
    ours = Loader(
        dataset,
        batch_size=batch_size,
        shuffle=shuffle,
        drop_last=drop_last,
        generator=torch.Generator().manual_seed(seed),
    )
    assert len(ours) == len(theirs)
    for _ in range(3):
        a, b = list(ours), list(theirs)
        assert len(a) == len(b) == len(theirs)
        for batch_a, batch_b in zip(a, b, strict=True):
            assert_same(batch_a, batch_b)
    # the generators advanced identically
    assert torch.equal(ours.generator.get_state(), theirs.generator.get_state())


def test_loader_without_generator_follows_the_global_seed():
    dataset = _dataset(10)
    torch.manual_seed(3)
    theirs = [b[1].tolist() for b in DataLoader(dataset, batch_size=4, shuffle=True)]
    after_theirs = torch.rand(1)
    torch.manual_seed(3)
    ours = [b[1].tolist() for b in Loader(dataset, batch_size=4, shuffle=True)]
    assert ours == theirs
    assert torch.equal(torch.rand(1), after_theirs)  # global RNG consumed alike


def test_shuffle_gives_a_new_order_every_epoch_and_covers_every_index():
    loader = Loader(_dataset(20), batch_size=6, shuffle=True, generator=torch.Generator())
    epochs = [torch.cat([y for _, y in loader]) for _ in range(2)]
    orders = [torch.cat([x[:, 0] for x, _ in loader]) for _ in range(2)]
    assert not torch.equal(orders[0], orders[1])
    assert sorted((orders[0] / 3).long().tolist()) == list(range(20))
    assert [len(e) for e in epochs] == [20, 20]


@pytest.mark.parametrize(
    ("n", "b", "drop", "sizes"),
    [
        (10, 4, False, [4, 4, 2]),
        (10, 4, True, [4, 4]),
        (8, 4, True, [4, 4]),
        (3, 5, False, [3]),
        (3, 5, True, []),
    ],
)
def test_last_batch_and_drop_last(n, b, drop, sizes):
    dataset = _dataset(n)
    assert [len(y) for _, y in Loader(dataset, batch_size=b, drop_last=drop)] == sizes
    assert [len(y) for _, y in DataLoader(dataset, batch_size=b, drop_last=drop)] == sizes
    assert [len(x) for x in batch_indices(iter(range(n)), b, drop)] == sizes


Point = namedtuple("Point", ["x", "y"])

BATCHES = [
    [torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0])],
    [1, 2, 3],
    [0.5, 1.5],
    [True, False],
    ["a", "b"],
    [b"a", b"b"],
    [np.array([1, 2]), np.array([3, 4])],
    [np.float32(1.5), np.float32(2.5)],
    [np.int64(1), np.int64(2)],
    [(torch.zeros(2), 1), (torch.ones(2), 0)],
    [[1, "a"], [2, "b"]],
    [{"image": torch.zeros(1, 2), "label": 3}, {"image": torch.ones(1, 2), "label": 4}],
    [OrderedDict(a=1.0, b=2), OrderedDict(a=3.0, b=4)],
    [Point(1, torch.tensor(2.0)), Point(3, torch.tensor(4.0))],
    [{"pair": (1, [2.0, 3.0]), "name": "x"}, {"pair": (4, [5.0, 6.0]), "name": "y"}],
]


@pytest.mark.parametrize("batch", BATCHES, ids=range(len(BATCHES)))
def test_default_collate_equals_torch(batch):
    assert_same(default_collate(batch), torch_collate(batch))


def test_default_collate_facts():
    assert default_collate([0.5, 1.5]).dtype == torch.float64  # Python floats -> float64
    assert default_collate([1, 2]).dtype == torch.int64
    assert isinstance(default_collate([(1, 2), (3, 4)]), list)  # tuples become lists
    assert default_collate([torch.zeros(3, 4)] * 5).shape == (5, 3, 4)


@pytest.mark.parametrize(
    ("batch", "error", "match"),
    [
        ([], ValueError, "batch"),
        ([torch.zeros(2), torch.zeros(3)], ValueError, "shapes"),
        ([[1, 2], [3]], ValueError, "equal size"),
        ([object(), object()], TypeError, "object"),
        ("ab", TypeError, "batch"),
    ],
)
def test_default_collate_rejects_bad_batches(batch, error, match):
    with pytest.raises(error, match=match):
        default_collate(batch)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        (dict(batch_size=0), ValueError, "batch_size"),
        (dict(batch_size=2.0), TypeError, "batch_size"),
        (dict(shuffle=1), TypeError, "shuffle"),
        (dict(drop_last=None), TypeError, "drop_last"),
        (dict(generator=0), TypeError, "generator"),
        (dict(collate_fn=3), TypeError, "collate_fn"),
    ],
)
def test_loader_rejects_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        Loader(_dataset(4), **kwargs)
    with pytest.raises(TypeError, match="dataset"):
        Loader(5)


def test_random_indices_rejects_a_non_generator():
    with pytest.raises(TypeError, match="generator"):
        list(random_indices(5, generator=1))


@pytest.mark.filterwarnings("ignore:Length of split")
@settings(max_examples=30)
@given(n=st.integers(1, 60), cut=st.floats(0.05, 0.95), seed=st.integers(0, 1000))
def test_random_split_lengths_and_indices_equal_torch(n, cut, seed):
    fractions = [cut, 1 - cut]
    subsets = random_split(range(n), fractions, generator=torch.Generator().manual_seed(seed))
    sizes = random_split_lengths(n, fractions)
    assert sizes == [len(s) for s in subsets]
    order = torch.randperm(n, generator=torch.Generator().manual_seed(seed)).tolist()
    assert subsets[0].indices == order[: sizes[0]]
    assert subsets[1].indices == order[sizes[0] :]


def test_random_split_lengths_round_robin_and_errors():
    assert random_split_lengths(10, [0.33, 0.33, 0.34]) == [4, 3, 3]
    assert random_split_lengths(10, [3, 7]) == [3, 7]
    with pytest.raises(ValueError, match="add up"):
        random_split_lengths(10, [3, 6])
    with pytest.raises(ValueError, match="lengths"):
        random_split_lengths(10, [])


# transforms


def test_compose_applies_in_order():
    pipeline = Compose([Lambda(lambda v: v + 1), Lambda(lambda v: v * 10)])
    assert pipeline(torch.tensor(1.0)) == 20
    assert Compose([])(5) == 5


def test_normalize_per_channel():
    x = torch.rand(3, 4, 5, generator=torch.Generator().manual_seed(0))
    mean, std = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
    expected = torch.stack([(x[c] - mean[c]) / std[c] for c in range(3)])
    torch.testing.assert_close(Normalize(mean, std)(x), expected)


def test_to_dtype_scale_and_flip():
    image = torch.tensor([[[0, 51, 255]]], dtype=torch.uint8)
    torch.testing.assert_close(
        ToDtype(torch.float32, scale=True)(image), torch.tensor([[[0.0, 0.2, 1.0]]])
    )
    assert ToDtype(torch.float32)(image).max() == 255
    x = torch.arange(6.0).reshape(1, 2, 3)
    assert torch.equal(RandomHorizontalFlip(p=1.0)(x), x.flip(-1))
    assert torch.equal(RandomHorizontalFlip(p=0.0)(x), x)


def test_random_flip_rate_and_reproducibility():
    x = torch.arange(2.0)
    flip = RandomHorizontalFlip(0.5, generator=torch.Generator().manual_seed(0))
    flips = [bool(flip(x)[0] == 1) for _ in range(2000)]
    assert 0.45 < sum(flips) / 2000 < 0.55
    again = RandomHorizontalFlip(0.5, generator=torch.Generator().manual_seed(0))
    assert [bool(again(x)[0] == 1) for _ in range(2000)] == flips


@pytest.mark.parametrize(
    ("make", "error", "match"),
    [
        (lambda: Compose([1]), TypeError, r"transforms\[0\]"),
        (lambda: Compose("ab"), TypeError, "transforms"),
        (lambda: Normalize([0.0], [0.0]), ValueError, "std"),
        (lambda: Normalize([0.0, 0.0], [1.0]), ValueError, "mean and std"),
        (lambda: Normalize([0.0], [1.0])(torch.zeros(2, 3)), ValueError, "channels"),
        (lambda: Normalize([0.0], [1.0])(torch.zeros(1, 3, dtype=torch.uint8)), TypeError, "x"),
        (lambda: RandomHorizontalFlip(1.5), ValueError, "p"),
        (lambda: ToDtype("float"), TypeError, "dtype"),
    ],
)
def test_transforms_reject_bad_arguments(make, error, match):
    with pytest.raises(error, match=match):
        make()
