"""nnref.layers.reshaping, .upsampling and .distance against torch.nn."""

import math

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn
from torch.nn import functional as F

from nnref.layers.distance import cosine_similarity, pairwise_distance
from nnref.layers.reshaping import channel_shuffle, flatten, infer_shape, reshape, unflatten
from nnref.layers.upsampling import interpolate, nearest_indices, pixel_shuffle, pixel_unshuffle

F64 = torch.float64


def _grads_equal(ours_fn, theirs_fn, *inputs):
    """Values and input gradients of two functions agree, and ours passes gradcheck."""
    ours, theirs = ours_fn(*inputs), theirs_fn(*inputs)
    torch.testing.assert_close(ours, theirs)
    upstream = torch.randn_like(ours)
    for g_ours, g_theirs in zip(
        torch.autograd.grad(ours, inputs, upstream),
        torch.autograd.grad(theirs, inputs, upstream),
        strict=True,
    ):
        torch.testing.assert_close(g_ours, g_theirs)
    assert torch.autograd.gradcheck(ours_fn, inputs)


# ---------------------------------------------------------------- reshaping


@pytest.mark.parametrize(
    ("shape", "target"),
    [((2, 3, 4), (6, 4)), ((2, 3, 4), (-1,)), ((2, 3, 4), (4, -1, 2)), ((1,), ()), ((), (1, 1))],
    ids=str,
)
def test_reshape_matches_torch_and_its_gradient(shape, target):
    x = torch.randn(shape, dtype=F64, requires_grad=True)
    _grads_equal(lambda t: reshape(t, target), lambda t: torch.reshape(t, target), x)


def test_reshape_of_a_transposed_tensor_follows_the_logical_order():
    t = torch.arange(6.0).reshape(2, 3).T  # not contiguous
    assert torch.equal(reshape(t, (6,)), t.reshape(6))
    assert reshape(t, (6,)).tolist() == [0.0, 3.0, 1.0, 4.0, 2.0, 5.0]


@pytest.mark.parametrize(("start", "end"), [(1, -1), (0, -1), (1, 2), (2, 3), (-2, -1), (0, 0)])
def test_flatten_matches_nn_flatten_and_gradients(start, end):
    x = torch.randn(2, 3, 4, 5, dtype=F64, requires_grad=True)
    _grads_equal(lambda t: flatten(t, start, end), nn.Flatten(start, end), x)


def test_flatten_defaults_keep_the_batch_axis_unlike_torch_flatten():
    x = torch.randn(8, 3, 4, 4)
    assert flatten(x).shape == nn.Flatten()(x).shape == (8, 48)
    assert flatten(x, 0).shape == torch.flatten(x).shape == (384,)
    assert flatten(torch.tensor(2.0), 0).shape == torch.flatten(torch.tensor(2.0)).shape


@pytest.mark.parametrize(
    ("dim", "sizes"), [(1, (3, 4)), (1, (2, -1)), (-1, (5, 1)), (0, (2, 1)), (2, (1, 2, 2, 1))]
)
def test_unflatten_matches_nn_unflatten_and_gradients(dim, sizes):
    x = torch.randn(2, 12, 4, 5, dtype=F64, requires_grad=True)
    x = x[:, :, :4] if dim != 2 else x
    _grads_equal(lambda t: unflatten(t, dim, sizes), nn.Unflatten(dim, sizes), x)


@settings(max_examples=40)
@given(
    shape=st.lists(st.integers(1, 4), min_size=1, max_size=5),
    data=st.data(),
)
def test_flatten_and_unflatten_shapes_over_random_configurations(shape, data):
    x = torch.randn(shape)
    start = data.draw(st.integers(-len(shape), len(shape) - 1), label="start_dim")
    end = data.draw(st.integers(start % len(shape), len(shape) - 1), label="end_dim")
    ours = flatten(x, start, end)
    assert torch.equal(ours, torch.flatten(x, start, end))
    s, e = start % len(shape), end
    assert ours.shape == (*shape[:s], math.prod(shape[s : e + 1]), *shape[e + 1 :])
    back = unflatten(ours, s, shape[s : e + 1])
    assert torch.equal(back, x)


@pytest.mark.parametrize("groups", [1, 2, 3, 6])
def test_channel_shuffle_matches_torch_and_the_reshape_transpose_rule(groups):
    x = torch.randn(2, 6, 3, 2, dtype=F64, requires_grad=True)
    _grads_equal(lambda t: channel_shuffle(t, groups), nn.ChannelShuffle(groups), x)
    n, c = x.shape[:2]
    manual = x.reshape(n, groups, c // groups, 3, 2).transpose(1, 2).reshape(x.shape)
    assert torch.equal(channel_shuffle(x, groups), manual)


@settings(max_examples=30)
@given(
    batch=st.integers(1, 3),
    groups=st.integers(1, 4),
    per_group=st.integers(1, 4),
    spatial=st.lists(st.integers(1, 3), min_size=1, max_size=2),
)
def test_channel_shuffle_over_random_configurations(batch, groups, per_group, spatial):
    x = torch.randn(batch, groups * per_group, *spatial)
    ours = channel_shuffle(x, groups)
    assert ours.shape == x.shape
    assert torch.equal(ours, F.channel_shuffle(x, groups))


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: reshape(torch.randn(6), (4, -1)), ValueError, "invalid for an input of 6"),
        (lambda: reshape(torch.randn(6), (-1, -1)), ValueError, "only one dimension"),
        (lambda: reshape(torch.randn(6), (2, 3.0)), TypeError, r"shape\[1\]"),
        (lambda: reshape(torch.randn(0, 3), (-1, 0)), ValueError, "invalid"),
        (lambda: infer_shape(6, 6), TypeError, "shape must be a sequence"),
        (lambda: flatten(torch.randn(2, 3, 4), 2, 1), ValueError, "start_dim=2 cannot come after"),
        (lambda: flatten(torch.randn(3)), IndexError, "start_dim=1"),
        (lambda: flatten(torch.randn(3, 4), 0, 2), IndexError, "end_dim=2"),
        (lambda: unflatten(torch.randn(3, 8), 1, (3, -1)), ValueError, "unflattened_size"),
        (lambda: unflatten(torch.randn(3, 8), 1, 8), TypeError, "unflattened_size"),
        (lambda: unflatten(torch.randn(3, 8), 2, (2, 4)), IndexError, "dim=2"),
        (lambda: channel_shuffle(torch.randn(1, 4, 2), 3), ValueError, "groups=3"),
        (lambda: channel_shuffle(torch.randn(4, 2), 2), ValueError, "at least 3 dimensions"),
        (lambda: channel_shuffle(torch.randn(1, 4, 2), 0), ValueError, "groups"),
        (lambda: flatten([1, 2]), TypeError, "input must be a torch.Tensor"),
    ],
)
def test_reshaping_rejects_bad_arguments(call, error, match):
    with pytest.raises(error, match=match):
        call()


# ---------------------------------------------------------------- upsampling

CONFIGS = [
    ("nearest", 1, {"scale_factor": 2}),
    ("nearest", 2, {"scale_factor": 1.1}),  # out == in: the 2-D kernel copies
    ("nearest", 2, {"size": (7, 3)}),
    ("nearest", 3, {"scale_factor": (2, 1.5, 0.5)}),
    ("nearest-exact", 2, {"scale_factor": 1.7}),
    ("linear", 1, {"size": 9}),
    ("linear", 1, {"scale_factor": 1.5}),
    ("bilinear", 2, {"scale_factor": 2}),
    ("bilinear", 2, {"size": (3, 8)}),
    ("bilinear", 2, {"scale_factor": 2.5, "recompute_scale_factor": True}),
    ("bicubic", 2, {"scale_factor": 2}),
    ("bicubic", 2, {"size": (2, 9)}),
    ("trilinear", 3, {"scale_factor": (2, 1, 1.5)}),
]


CASES = [
    (mode, dims, kwargs, align)
    for mode, dims, kwargs in CONFIGS
    for align in ([None] if mode.startswith("nearest") else [None, False, True])
]


@pytest.mark.parametrize(("mode", "dims", "kwargs", "align_corners"), CASES, ids=str)
def test_interpolate_matches_torch_values_and_gradients(mode, dims, kwargs, align_corners):
    torch.manual_seed(0)
    x = torch.randn(1, 2, *[4, 5, 3][:dims], dtype=F64, requires_grad=True)
    options = {"mode": mode, "align_corners": align_corners, **kwargs}
    _grads_equal(lambda t: interpolate(t, **options), lambda t: F.interpolate(t, **options), x)


def test_nearest_1d_shortcut_case_torch_backward_disagrees_with_its_forward():
    # torch 2.13: for 1-D and 3-D nearest with out == in (scale_factor=1.1 on 4 samples) the
    # forward reads 1/1.1-spaced indices [0, 0, 1, 2], but the backward copies (as if [0, 1, 2,
    # 3]), so torch's own gradcheck fails. Ours is consistent: the test documents the gap and
    # fails if torch changes either side.
    x = torch.randn(1, 1, 4, dtype=F64, requires_grad=True)
    ours = interpolate(x, scale_factor=1.1)
    theirs = F.interpolate(x, scale_factor=1.1)
    torch.testing.assert_close(ours, theirs)
    assert torch.equal(ours[0, 0], x[0, 0, [0, 0, 1, 2]])
    assert torch.autograd.gradcheck(lambda t: interpolate(t, scale_factor=1.1), (x,))
    (g_ours,) = torch.autograd.grad(ours.sum(), x)
    (g_theirs,) = torch.autograd.grad(theirs.sum(), x)
    assert g_ours.tolist() == [[[2.0, 1.0, 1.0, 0.0]]]
    assert g_theirs.tolist() == [[[1.0, 1.0, 1.0, 1.0]]]


def test_upsample_modules_are_interpolate_with_their_settings():
    x = torch.randn(2, 3, 4, 5)
    torch.testing.assert_close(
        interpolate(x, scale_factor=2, mode="bilinear", align_corners=True),
        nn.UpsamplingBilinear2d(scale_factor=2)(x),
    )
    torch.testing.assert_close(interpolate(x, size=(6, 7)), nn.UpsamplingNearest2d((6, 7))(x))
    torch.testing.assert_close(
        interpolate(x, scale_factor=3, mode="bicubic"),
        nn.Upsample(scale_factor=3, mode="bicubic")(x),
    )


def test_align_corners_true_keeps_the_corner_values_and_false_does_not():
    x = torch.tensor([[[0.0, 3.0]]], dtype=F64)
    kept = interpolate(x, size=6, mode="linear", align_corners=True)[0, 0]
    assert kept.tolist() == pytest.approx([0.0, 0.6, 1.2, 1.8, 2.4, 3.0])
    default = interpolate(x, size=6, mode="linear")[0, 0]
    assert default.tolist() == pytest.approx([0.0, 0.0, 1.0, 2.0, 3.0, 3.0])


def test_scale_factor_and_size_give_different_coordinates():
    x = torch.arange(5.0, dtype=F64).reshape(1, 1, 5)
    by_factor = interpolate(x, scale_factor=1.5, mode="linear")
    by_size = interpolate(x, size=7, mode="linear")
    assert by_factor.shape == by_size.shape == (1, 1, 7)
    assert by_factor[0, 0, -1].item() == pytest.approx(3.8333333333)
    assert by_size[0, 0, -1].item() == pytest.approx(4.0)


def test_nearest_indices_of_the_two_rules():
    assert nearest_indices(4, 6).tolist() == [0, 0, 1, 2, 2, 3]
    assert nearest_indices(4, 6, exact=True).tolist() == [0, 1, 1, 2, 3, 3]


@settings(max_examples=40)
@given(
    mode_dims=st.sampled_from([("nearest", 1), ("nearest", 2), ("linear", 1), ("bilinear", 2)]),
    in_size=st.integers(1, 6),
    by_size=st.booleans(),
    out_size=st.integers(1, 12),
    factor=st.floats(0.3, 4.0),
    align=st.booleans(),
)
def test_interpolate_shapes_and_values_over_random_configurations(
    mode_dims, in_size, by_size, out_size, factor, align
):
    mode, dims = mode_dims
    x = torch.randn(1, 2, *[in_size] * dims, dtype=F64)
    options = {"size": out_size} if by_size else {"scale_factor": factor}
    expected = out_size if by_size else math.floor(in_size * factor)
    if expected < 1:
        with pytest.raises(ValueError, match="scale_factor"):
            interpolate(x, mode=mode, **options)
        return
    if mode != "nearest":
        options["align_corners"] = align
    ours = interpolate(x, mode=mode, **options)
    assert ours.shape == (1, 2, *[expected] * dims)
    torch.testing.assert_close(ours, F.interpolate(x, mode=mode, **options))


@pytest.mark.parametrize(("r", "batch"), [(1, (1,)), (2, (2,)), (3, ()), (2, (2, 3))], ids=str)
def test_pixel_shuffle_and_unshuffle_match_torch_and_gradients(r, batch):
    x = torch.randn(*batch, 2 * r * r, 3, 2, dtype=F64, requires_grad=True)
    _grads_equal(lambda t: pixel_shuffle(t, r), nn.PixelShuffle(r), x)
    y = torch.randn(*batch, 2, 3 * r, 2 * r, dtype=F64, requires_grad=True)
    _grads_equal(lambda t: pixel_unshuffle(t, r), nn.PixelUnshuffle(r), y)


def test_pixel_shuffle_index_formula():
    r, x = 3, torch.randn(2, 18, 4, 5)
    out = pixel_shuffle(x, r)
    for c, h, w, i, j in [(0, 0, 0, 0, 0), (1, 2, 4, 1, 2), (1, 3, 1, 2, 0)]:
        assert out[1, c, h * r + i, w * r + j] == x[1, c * r * r + i * r + j, h, w]


@settings(max_examples=40)
@given(
    r=st.integers(1, 4),
    channels=st.integers(1, 3),
    height=st.integers(1, 3),
    width=st.integers(1, 3),
    batch=st.lists(st.integers(1, 2), max_size=2),
)
def test_pixel_shuffle_shapes_over_random_configurations(r, channels, height, width, batch):
    x = torch.randn(*batch, channels * r * r, height, width)
    y = pixel_shuffle(x, r)
    assert y.shape == (*batch, channels, height * r, width * r)
    assert torch.equal(y, F.pixel_shuffle(x, r))
    assert torch.equal(pixel_unshuffle(y, r), x)


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: interpolate(torch.randn(1, 1, 4), mode="cubic"), ValueError, "mode must be"),
        (
            lambda: interpolate(torch.randn(1, 1, 4), scale_factor=2, mode="bilinear"),
            ValueError,
            "mode='bilinear' needs 2",
        ),
        (lambda: interpolate(torch.randn(4, 4), scale_factor=2), ValueError, "input must be 3-D"),
        (
            lambda: interpolate(torch.randn(1, 1, 4), size=8, scale_factor=2),
            ValueError,
            "exactly one of size or scale_factor",
        ),
        (lambda: interpolate(torch.randn(1, 1, 4)), ValueError, "exactly one of size"),
        (
            lambda: interpolate(torch.randn(1, 1, 4), scale_factor=2, align_corners=True),
            ValueError,
            "align_corners must be None",
        ),
        (lambda: interpolate(torch.randn(1, 1, 4, 4), size=(2, 3, 4)), ValueError, "size has 3"),
        (lambda: interpolate(torch.randn(1, 1, 4), size=0), ValueError, "size must be positive"),
        (lambda: interpolate(torch.randn(1, 1, 4), size=2.5), TypeError, "size must hold ints"),
        (lambda: interpolate(torch.randn(1, 1, 4), scale_factor=0.1), ValueError, "scale_factor"),
        (
            lambda: interpolate(torch.randn(1, 1, 4), size=8, recompute_scale_factor=True),
            ValueError,
            "recompute_scale_factor",
        ),
        (lambda: interpolate(torch.ones(1, 1, 4, dtype=torch.long), size=8), TypeError, "input"),
        (lambda: pixel_shuffle(torch.randn(1, 6, 2, 2), 2), ValueError, "upscale_factor"),
        (lambda: pixel_shuffle(torch.randn(4, 2), 2), ValueError, "at least 3 dimensions"),
        (lambda: pixel_shuffle(torch.randn(1, 4, 2, 2), 0), ValueError, "upscale_factor"),
        (lambda: pixel_unshuffle(torch.randn(1, 1, 5, 4), 2), ValueError, "downscale_factor=2"),
        (lambda: pixel_unshuffle(torch.randn(1, 1, 4, 4), 2.0), TypeError, "downscale_factor"),
    ],
)
def test_upsampling_rejects_bad_arguments(call, error, match):
    with pytest.raises(error, match=match):
        call()


# ---------------------------------------------------------------- distances


@pytest.mark.parametrize(
    ("shape1", "shape2", "dim"),
    [((4, 5), (4, 5), 1), ((5,), (5,), 0), ((2, 3, 4), (3, 1), 1), ((2, 3, 4), (2, 3, 4), -1)],
    ids=str,
)
def test_cosine_similarity_matches_torch_values_and_gradients(shape1, shape2, dim):
    torch.manual_seed(0)
    x1 = torch.randn(shape1, dtype=F64, requires_grad=True)
    x2 = torch.randn(shape2, dtype=F64, requires_grad=True)
    _grads_equal(
        lambda a, b: cosine_similarity(a, b, dim),
        lambda a, b: F.cosine_similarity(a, b, dim),
        x1,
        x2,
    )


def test_cosine_similarity_clamps_each_norm_separately():
    # 1e-9-long vectors: each norm is clamped to eps=1e-8, so the result is 0.1 * 0.1,
    # not 1 (no clamp) and not 1e-10 (the product of the norms clamped, as torch's docstring says)
    x = torch.tensor([[1e-9, 0.0]], dtype=F64, requires_grad=True)
    y = x.detach().clone().requires_grad_()
    ours, theirs = cosine_similarity(x, x), F.cosine_similarity(y, y)
    assert ours.item() == pytest.approx(0.01) and theirs.item() == pytest.approx(0.01)
    (g_ours,) = torch.autograd.grad(ours.sum(), x)
    (g_theirs,) = torch.autograd.grad(theirs.sum(), y)
    torch.testing.assert_close(g_ours, g_theirs)


def test_cosine_similarity_of_a_zero_vector_is_zero_with_zero_gradient_like_torch():
    x = torch.zeros(2, 3, dtype=F64, requires_grad=True)
    y = torch.randn(2, 3, dtype=F64)
    ours = cosine_similarity(x, y)
    torch.testing.assert_close(ours, F.cosine_similarity(x, y))
    (g_ours,) = torch.autograd.grad(ours.sum(), x)
    (g_theirs,) = torch.autograd.grad(F.cosine_similarity(x, y).sum(), x)
    torch.testing.assert_close(g_ours, g_theirs)


@pytest.mark.parametrize("p", [1.0, 2.0, 3.0, 0.5, math.inf, -1.0])
@pytest.mark.parametrize("keepdim", [False, True])
def test_pairwise_distance_matches_torch_values_and_gradients(p, keepdim):
    torch.manual_seed(1)
    x1 = torch.randn(4, 5, dtype=F64, requires_grad=True)
    x2 = torch.randn(4, 5, dtype=F64, requires_grad=True)
    _grads_equal(
        lambda a, b: pairwise_distance(a, b, p=p, keepdim=keepdim),
        lambda a, b: F.pairwise_distance(a, b, p=p, keepdim=keepdim),
        x1,
        x2,
    )


def test_pairwise_distance_adds_eps_to_the_difference():
    x = torch.ones(3, 100, dtype=F64)
    torch.testing.assert_close(pairwise_distance(x, x), torch.full((3,), 1e-5, dtype=F64))
    a, b = torch.zeros(1, 2, dtype=F64), torch.tensor([[1.0, 0.0]], dtype=F64)
    assert pairwise_distance(a, b, eps=0.5).item() == pytest.approx(0.5**0.5)
    assert pairwise_distance(b, a, eps=0.5).item() == pytest.approx(2.5**0.5)
    p0 = pairwise_distance(a, b, p=0)  # eps makes every component non-zero
    torch.testing.assert_close(p0, F.pairwise_distance(a, b, p=0))


@settings(max_examples=40)
@given(
    batch=st.lists(st.integers(1, 3), max_size=3),
    features=st.integers(1, 6),
    p=st.sampled_from([1.0, 2.0, 3.0, math.inf]),
    keepdim=st.booleans(),
    dim=st.integers(-1, 0),
)
def test_distance_shapes_over_random_configurations(batch, features, p, keepdim, dim):
    x1, x2 = torch.randn(*batch, features), torch.randn(*batch, features)
    ours = pairwise_distance(x1, x2, p=p, keepdim=keepdim)
    assert ours.shape == ((*batch, 1) if keepdim else tuple(batch))
    torch.testing.assert_close(ours, F.pairwise_distance(x1, x2, p=p, keepdim=keepdim))
    axis = dim if dim == -1 else 0
    cos = cosine_similarity(x1, x2, dim=axis)
    torch.testing.assert_close(cos, F.cosine_similarity(x1, x2, dim=axis))
    assert (cos.abs() <= 1 + 1e-6).all()


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: cosine_similarity(torch.randn(4), torch.randn(4)), IndexError, "dim=1"),
        (lambda: cosine_similarity(torch.randn(2, 3), torch.randn(2, 4)), ValueError, "broadcast"),
        (lambda: cosine_similarity(torch.randn(2, 3), torch.randn(2, 3), 1.0), TypeError, "dim"),
        (lambda: cosine_similarity([1.0], torch.randn(1)), TypeError, "x1 must be"),
        (
            lambda: cosine_similarity(torch.randn(2), torch.ones(2, dtype=torch.long), 0),
            TypeError,
            "x2",
        ),
        (
            lambda: cosine_similarity(torch.randn(2, 3), torch.randn(2, 3), eps="1"),
            TypeError,
            "eps",
        ),
        (lambda: pairwise_distance(torch.randn(2, 3), torch.randn(2, 3), p="2"), TypeError, "p"),
        (lambda: pairwise_distance(torch.tensor(1.0), torch.tensor(2.0)), ValueError, "x1 and x2"),
        (lambda: pairwise_distance(torch.randn(2, 3), torch.randn(3, 2)), ValueError, "broadcast"),
    ],
)
def test_distances_reject_bad_arguments(call, error, match):
    with pytest.raises(error, match=match):
        call()
