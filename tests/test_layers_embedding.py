"""nnref.layers.embedding against torch: lookups, gradients, max_norm, bags and errors."""

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.layers.embedding import (
    embedding,
    embedding_bag,
    embedding_init,
    embedding_one_hot,
    embedding_renorm_,
    one_hot,
)


def _weight(rows=7, cols=3, dtype=torch.float64, seed=0):
    generator = torch.Generator().manual_seed(seed)
    return torch.randn(rows, cols, dtype=dtype, generator=generator).requires_grad_(True)


INDEX_SHAPES = {
    "scalar": torch.tensor(3),
    "1d": torch.tensor([0, 2, 2, 6]),
    "2d": torch.tensor([[0, 2, 2], [6, 1, 0]]),
    "3d-int32": torch.tensor([[[1, 1], [5, 0]], [[4, 4], [4, 3]]], dtype=torch.int32),
}


@pytest.mark.parametrize("name", INDEX_SHAPES)
@pytest.mark.parametrize("padding_idx", [None, 0, -1])
@pytest.mark.parametrize("scale_grad_by_freq", [False, True], ids=["plain", "freq"])
def test_embedding_values_and_gradients_equal_torch(name, padding_idx, scale_grad_by_freq):
    indices = INDEX_SHAPES[name]
    weight = _weight()
    kwargs = {"padding_idx": padding_idx, "scale_grad_by_freq": scale_grad_by_freq}
    ours = embedding(indices, weight, **kwargs)
    theirs = F.embedding(indices, weight, **kwargs)
    assert ours.shape == (*indices.shape, 3)
    torch.testing.assert_close(ours, theirs, rtol=0, atol=0)
    upstream = torch.randn_like(ours)
    (g_ours,) = torch.autograd.grad(ours, weight, upstream)
    (g_theirs,) = torch.autograd.grad(theirs, weight, upstream)
    torch.testing.assert_close(g_ours, g_theirs)
    if padding_idx is not None:
        assert not g_ours[padding_idx].any()
    if padding_idx is None and not scale_grad_by_freq:
        # With padding_idx or scale_grad_by_freq the gradient is altered on purpose: it is no
        # longer the derivative of the output, so only the comparison with torch applies.
        assert torch.autograd.gradcheck(lambda w: embedding(indices, w), (weight,))


def test_sparse_gradient_of_torch_equals_the_dense_one():
    layer = nn.Embedding(7, 3, sparse=True, padding_idx=2).double()
    indices = INDEX_SHAPES["2d"]
    layer(indices).sum().backward()
    assert layer.weight.grad.is_sparse
    weight = layer.weight.detach().clone().requires_grad_(True)
    (dense,) = torch.autograd.grad(embedding(indices, weight, padding_idx=2).sum(), weight)
    torch.testing.assert_close(layer.weight.grad.to_dense(), dense)


@pytest.mark.parametrize("padding_idx", [None, 0, 3, -2])
def test_embedding_init_equals_nn_embedding(padding_idx):
    torch.manual_seed(4)
    ours = embedding_init(6, 5, padding_idx)
    torch.manual_seed(4)
    layer = nn.Embedding(6, 5, padding_idx=padding_idx)
    torch.testing.assert_close(ours, layer.weight.detach(), rtol=0, atol=0)
    if padding_idx is not None:
        assert not ours[padding_idx].any()


def test_default_init_is_standard_normal():
    weight = nn.Embedding(2000, 100).weight.detach()
    assert abs(weight.mean().item()) < 0.01 and abs(weight.std().item() - 1) < 0.01


@pytest.mark.parametrize(("max_norm", "norm_type"), [(1.0, 2.0), (0.5, 1.0), (1.5, 3.0)])
def test_max_norm_renormalises_the_same_rows_in_place(max_norm, norm_type):
    base = _weight(dtype=torch.float32).detach() * 2
    ours_weight, torch_weight = base.clone(), base.clone()
    indices = INDEX_SHAPES["2d"]
    ours = embedding(indices, ours_weight, max_norm=max_norm, norm_type=norm_type)
    theirs = F.embedding(indices, torch_weight, max_norm=max_norm, norm_type=norm_type)
    torch.testing.assert_close(ours, theirs)
    torch.testing.assert_close(ours_weight, torch_weight)  # the same rows changed in place
    norms = torch.linalg.vector_norm(ours_weight, ord=norm_type, dim=1)
    looked_up = indices.unique()
    assert (norms[looked_up] <= max_norm + 1e-6).all()
    others = torch.ones(7, dtype=torch.bool)
    others[looked_up] = False
    torch.testing.assert_close(ours_weight[others], base[others], rtol=0, atol=0)


def test_renorm_leaves_short_rows_alone():
    weight = torch.tensor([[0.3, 0.4], [3.0, 4.0]])
    embedding_renorm_(weight, torch.tensor([0, 1, 1]), max_norm=1.0)
    torch.testing.assert_close(weight[0], torch.tensor([0.3, 0.4]), rtol=0, atol=0)
    torch.testing.assert_close(weight[1], torch.tensor([0.6, 0.8]), rtol=1e-6, atol=0)


@pytest.mark.parametrize("name", INDEX_SHAPES)
def test_lookup_equals_one_hot_matrix_product(name):
    indices, weight = INDEX_SHAPES[name], _weight()
    torch.testing.assert_close(one_hot(indices, 7, torch.long), F.one_hot(indices.long(), 7))
    torch.testing.assert_close(embedding_one_hot(indices, weight), F.embedding(indices, weight))
    (g_one_hot,) = torch.autograd.grad(embedding_one_hot(indices, weight).sum(), weight)
    (g_lookup,) = torch.autograd.grad(embedding(indices, weight).sum(), weight)
    torch.testing.assert_close(g_one_hot, g_lookup)


def test_from_pretrained_facts_stated_on_the_page():
    vectors = torch.tensor([[0.7, -0.2], [1.0, 0.5]])
    frozen = nn.Embedding.from_pretrained(vectors)
    assert not frozen.weight.requires_grad  # freeze=True by default
    padded = nn.Embedding.from_pretrained(vectors, freeze=False, padding_idx=0)
    assert padded.weight.requires_grad
    torch.testing.assert_close(padded.weight[0].detach(), vectors[0])  # not zeroed


BAG_INPUT = torch.tensor([1, 2, 0, 3, 0, 5, 4, 4])
BAG_CASES = {
    "offsets": (BAG_INPUT, torch.tensor([0, 2, 2, 5]), False),
    "last-offset": (BAG_INPUT, torch.tensor([0, 2, 2, 5, 8]), True),
    "one-bag": (BAG_INPUT, torch.tensor([0]), False),
    "2d": (torch.tensor([[1, 0, 3], [0, 0, 0], [5, 5, 2]]), None, False),
    "empty-input": (torch.tensor([], dtype=torch.long), torch.tensor([0, 0]), False),
}


@pytest.mark.parametrize("case", BAG_CASES)
@pytest.mark.parametrize("mode", ["sum", "mean", "max"])
@pytest.mark.parametrize("padding_idx", [None, 0])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["f32", "f64"])
def test_embedding_bag_values_and_gradients_equal_torch(case, mode, padding_idx, dtype):
    indices, offsets, include_last_offset = BAG_CASES[case]
    weight = _weight(dtype=dtype, seed=1)
    kwargs = {
        "offsets": offsets,
        "mode": mode,
        "include_last_offset": include_last_offset,
        "padding_idx": padding_idx,
    }
    ours = embedding_bag(indices, weight, **kwargs)
    theirs = F.embedding_bag(indices, weight, **kwargs)
    torch.testing.assert_close(ours, theirs)
    upstream = torch.randn_like(ours)
    (g_ours,) = torch.autograd.grad(ours, weight, upstream, allow_unused=True)
    (g_theirs,) = torch.autograd.grad(theirs, weight, upstream, allow_unused=True)
    torch.testing.assert_close(g_ours, g_theirs)
    if dtype == torch.float64 and ours.numel():
        assert torch.autograd.gradcheck(lambda w: embedding_bag(indices, w, **kwargs), (weight,))


@pytest.mark.parametrize("case", ["offsets", "last-offset", "2d"])
def test_per_sample_weights_values_and_gradients_equal_torch(case):
    indices, offsets, include_last_offset = BAG_CASES[case]
    weight = _weight(seed=2)
    generator = torch.Generator().manual_seed(3)
    sample_weights = torch.rand(indices.shape, dtype=torch.float64, generator=generator)
    sample_weights.requires_grad_(True)
    kwargs = {"offsets": offsets, "mode": "sum", "include_last_offset": include_last_offset}
    ours = embedding_bag(indices, weight, per_sample_weights=sample_weights, **kwargs)
    theirs = F.embedding_bag(indices, weight, per_sample_weights=sample_weights, **kwargs)
    torch.testing.assert_close(ours, theirs)
    upstream = torch.randn_like(ours)
    grads_ours = torch.autograd.grad(ours, (weight, sample_weights), upstream)
    grads_theirs = torch.autograd.grad(theirs, (weight, sample_weights), upstream)
    for g_ours, g_theirs in zip(grads_ours, grads_theirs, strict=True):
        torch.testing.assert_close(g_ours, g_theirs)
    assert torch.autograd.gradcheck(
        lambda w, s: embedding_bag(indices, w, per_sample_weights=s, **kwargs),
        (weight, sample_weights),
    )


def test_embedding_bag_equals_embedding_then_reduction():
    weight, indices = _weight(), torch.tensor([[1, 2, 4], [4, 3, 6]])
    rows = F.embedding(indices, weight)
    torch.testing.assert_close(embedding_bag(indices, weight, mode="sum"), rows.sum(1))
    torch.testing.assert_close(embedding_bag(indices, weight, mode="mean"), rows.mean(1))
    torch.testing.assert_close(embedding_bag(indices, weight, mode="max"), rows.max(1).values)


@settings(max_examples=40)
@given(
    vocab=st.integers(1, 9),
    dim=st.integers(1, 4),
    shape=st.lists(st.integers(0, 4), min_size=0, max_size=3),
    padding=st.booleans(),
    seed=st.integers(0, 2**16),
)
def test_embedding_shapes_over_random_configurations(vocab, dim, shape, padding, seed):
    generator = torch.Generator().manual_seed(seed)
    indices = torch.randint(0, vocab, shape, generator=generator)
    weight = torch.randn(vocab, dim, generator=generator)
    padding_idx = vocab - 1 if padding else None
    ours = embedding(indices, weight, padding_idx=padding_idx)
    assert ours.shape == (*shape, dim)
    torch.testing.assert_close(ours, F.embedding(indices, weight, padding_idx=padding_idx))


@settings(max_examples=40)
@given(
    vocab=st.integers(1, 8),
    lengths=st.lists(st.integers(0, 4), min_size=1, max_size=5),
    mode=st.sampled_from(["sum", "mean", "max"]),
    include_last_offset=st.booleans(),
    padding=st.booleans(),
    seed=st.integers(0, 2**16),
)
def test_embedding_bag_shapes_over_random_bags(
    vocab, lengths, mode, include_last_offset, padding, seed
):
    generator = torch.Generator().manual_seed(seed)
    indices = torch.randint(0, vocab, (sum(lengths),), generator=generator)
    weight = torch.randn(vocab, 3, generator=generator, dtype=torch.float64)
    starts = torch.tensor([0, *lengths]).cumsum(0)
    offsets = starts if include_last_offset else starts[:-1]
    kwargs = {
        "offsets": offsets,
        "mode": mode,
        "include_last_offset": include_last_offset,
        "padding_idx": 0 if padding else None,
    }
    ours = embedding_bag(indices, weight, **kwargs)
    assert ours.shape == (len(lengths), 3)
    torch.testing.assert_close(ours, F.embedding_bag(indices, weight, **kwargs))


WEIGHT = torch.randn(5, 2)
INPUT = torch.tensor([0, 1, 2, 3])


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: embedding(torch.tensor([1.0]), WEIGHT), TypeError, "input must hold integer"),
        (lambda: embedding([1, 2], WEIGHT), TypeError, "input must be a torch.Tensor"),
        (lambda: embedding(torch.tensor([5]), WEIGHT), ValueError, "input holds indices"),
        (lambda: embedding(torch.tensor([-1]), WEIGHT), ValueError, "input holds indices"),
        (lambda: embedding(INPUT, torch.randn(5)), ValueError, "weight must be 2-D"),
        (lambda: embedding(INPUT, WEIGHT.long()), TypeError, "weight must have a floating"),
        (lambda: embedding(INPUT, WEIGHT, padding_idx=5), ValueError, "padding_idx must be"),
        (lambda: embedding(INPUT, WEIGHT, padding_idx=1.0), TypeError, "padding_idx must be"),
        (lambda: embedding(INPUT, WEIGHT, max_norm=-1.0), ValueError, "max_norm"),
        (lambda: embedding_init(0, 3), ValueError, "num_embeddings must be positive"),
        (lambda: embedding_init(3, 2.5), TypeError, "embedding_dim must be an int"),
        (lambda: embedding_bag(INPUT, WEIGHT, torch.tensor([0]), "median"), ValueError, "mode"),
        (
            lambda: embedding_bag(
                INPUT, WEIGHT, torch.tensor([0]), "mean", per_sample_weights=torch.ones(4)
            ),
            ValueError,
            "per_sample_weights is only supported",
        ),
        (
            lambda: embedding_bag(
                INPUT, WEIGHT, torch.tensor([0]), "sum", per_sample_weights=torch.ones(3)
            ),
            ValueError,
            "per_sample_weights must have the shape",
        ),
        (
            lambda: embedding_bag(INPUT.view(2, 2), WEIGHT, torch.tensor([0])),
            ValueError,
            "offsets must be None",
        ),
        (lambda: embedding_bag(INPUT, WEIGHT), ValueError, "offsets is required"),
        (lambda: embedding_bag(INPUT, WEIGHT, torch.tensor([1, 2])), ValueError, r"offsets\[0\]"),
        (lambda: embedding_bag(INPUT, WEIGHT, torch.tensor([0, 3, 2])), ValueError, "offsets"),
        (
            lambda: embedding_bag(INPUT, WEIGHT, torch.tensor([0, 2]), include_last_offset=True),
            ValueError,
            "include_last_offset",
        ),
        (lambda: embedding_bag(INPUT.view(1, 2, 2), WEIGHT), ValueError, "input must be 1-D"),
    ],
)
def test_bad_arguments_raise_errors_naming_them(call, error, match):
    with pytest.raises(error, match=match):
        call()
