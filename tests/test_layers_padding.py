"""nnref.layers.padding against torch: the fifteen padding modules and F.pad."""

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.layers import padding as P

# (our function, torch module class, number of padded dimensions, constant value or None)
LAYERS = {
    "ZeroPad1d": (P.zero_pad1d, nn.ZeroPad1d, 1, None),
    "ZeroPad2d": (P.zero_pad2d, nn.ZeroPad2d, 2, None),
    "ZeroPad3d": (P.zero_pad3d, nn.ZeroPad3d, 3, None),
    "ConstantPad1d": (P.constant_pad1d, nn.ConstantPad1d, 1, -2.5),
    "ConstantPad2d": (P.constant_pad2d, nn.ConstantPad2d, 2, -2.5),
    "ConstantPad3d": (P.constant_pad3d, nn.ConstantPad3d, 3, -2.5),
    "ReflectionPad1d": (P.reflection_pad1d, nn.ReflectionPad1d, 1, None),
    "ReflectionPad2d": (P.reflection_pad2d, nn.ReflectionPad2d, 2, None),
    "ReflectionPad3d": (P.reflection_pad3d, nn.ReflectionPad3d, 3, None),
    "ReplicationPad1d": (P.replication_pad1d, nn.ReplicationPad1d, 1, None),
    "ReplicationPad2d": (P.replication_pad2d, nn.ReplicationPad2d, 2, None),
    "ReplicationPad3d": (P.replication_pad3d, nn.ReplicationPad3d, 3, None),
    "CircularPad1d": (P.circular_pad1d, nn.CircularPad1d, 1, None),
    "CircularPad2d": (P.circular_pad2d, nn.CircularPad2d, 2, None),
    "CircularPad3d": (P.circular_pad3d, nn.CircularPad3d, 3, None),
}
SPATIAL = {1: (5,), 2: (4, 5), 3: (3, 4, 5)}
# Pads valid for every mode on the sizes above (reflection needs pad < size): an int, a tuple
# with zeros and crops.
PADDINGS = {
    1: [2, (3, 1), (0, 4), (-2, 3)],
    2: [1, (2, 0, 3, 1), (-1, 2, 0, -1)],
    3: [1, (1, 2, 0, 3, 2, 0), (0, -1, 1, 1, -1, 2)],
}
CONFIGS = [
    (name, padding, batched)
    for name, (_, _, dims, _) in LAYERS.items()
    for padding in PADDINGS[dims]
    for batched in (True, False)
]


def _call(name, padding, x):
    ours, module, _, value = LAYERS[name]
    if value is None:
        return ours(x, padding), module(padding)(x)
    return ours(x, padding, value), module(padding, value)(x)


@pytest.mark.parametrize(("name", "padding", "batched"), CONFIGS, ids=str)
def test_values_and_gradients_equal_the_torch_module(name, padding, batched):
    dims = LAYERS[name][2]
    shape = ((2, 3) if batched else (3,)) + SPATIAL[dims]
    x = torch.randn(shape, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    x.requires_grad_(True)
    ours, theirs = _call(name, padding, x)
    torch.testing.assert_close(ours, theirs, rtol=0, atol=0)
    upstream = torch.randn_like(ours)
    (g_ours,) = torch.autograd.grad(ours, x, upstream)
    (g_theirs,) = torch.autograd.grad(theirs, x, upstream)
    torch.testing.assert_close(g_ours, g_theirs)


@pytest.mark.parametrize("name", LAYERS)
def test_gradcheck(name):
    ours, _, dims, value = LAYERS[name]
    x = torch.randn((1, 2, *SPATIAL[dims]), dtype=torch.float64, requires_grad=True)
    padding = PADDINGS[dims][1]
    args = (padding,) if value is None else (padding, value)
    assert torch.autograd.gradcheck(lambda t: ours(t, *args), (x,))


def test_worked_examples_of_the_page():
    x = torch.tensor([[[1.0, 2.0, 3.0, 4.0]]])
    expected = {
        P.zero_pad1d: [0, 0, 1, 2, 3, 4, 0, 0],
        P.reflection_pad1d: [3, 2, 1, 2, 3, 4, 3, 2],
        P.replication_pad1d: [1, 1, 1, 2, 3, 4, 4, 4],
        P.circular_pad1d: [3, 4, 1, 2, 3, 4, 1, 2],
    }
    for function, values in expected.items():
        assert function(x, 2).flatten().tolist() == values, function.__name__
    assert P.zero_pad1d(x, (-1, 1)).flatten().tolist() == [2, 3, 4, 0]
    # (left, right, top, bottom): the last dimension first
    assert P.zero_pad2d(torch.ones(1, 2, 3), (1, 2, 0, 1)).shape == (1, 3, 6)


MODE_STRATEGY = st.sampled_from(["constant", "reflect", "replicate", "circular"])


@st.composite
def _padding_case(draw):
    mode = draw(MODE_STRATEGY)
    dims = draw(st.integers(1, 3))
    batch = draw(st.sampled_from([(), (2,)]))
    sizes = draw(st.lists(st.integers(1, 5), min_size=dims, max_size=dims))
    padding = []
    for size in reversed(sizes):  # last dimension first
        if mode == "reflect":
            pads = st.integers(-(size - 1) // 2, size - 1)
        elif mode == "circular":
            pads = st.integers(-(size - 1) // 2, (size + 1) // 2)
        else:
            pads = st.integers(-(size - 1) // 2, 6)
        padding += [draw(pads), draw(pads)]
    return mode, (*batch, 3, *sizes), tuple(padding)


@settings(max_examples=50)
@given(case=_padding_case(), seed=st.integers(0, 2**16))
def test_pad_equals_f_pad_over_random_configurations(case, seed):
    mode, shape, padding = case
    x = torch.randn(shape, generator=torch.Generator().manual_seed(seed))
    value = 1.5 if mode == "constant" else None
    ours = P.pad(x, padding, mode, 1.5)
    theirs = F.pad(x, padding, mode, value)
    dims = len(padding) // 2
    expected_shape = list(shape)
    for k in range(dims):
        expected_shape[-1 - k] += padding[2 * k] + padding[2 * k + 1]
    assert tuple(ours.shape) == tuple(expected_shape)
    torch.testing.assert_close(ours, theirs, rtol=0, atol=0)


@pytest.mark.parametrize(
    ("size", "left", "right", "mode", "expected"),
    [
        (4, 2, 1, "reflect", [2, 1, 0, 1, 2, 3, 2]),
        (4, 2, 1, "replicate", [0, 0, 0, 1, 2, 3, 3]),
        (4, 2, 1, "circular", [2, 3, 0, 1, 2, 3, 0]),
        (4, -1, 2, "circular", [1, 2, 3, 1, 2]),  # the wrap reads the cropped core
        (4, -1, 2, "reflect", [1, 2, 3, 2, 1]),
    ],
)
def test_source_index_arithmetic(size, left, right, mode, expected):
    index, inside = P.source_index(size, left, right, mode)
    assert index.tolist() == expected and inside is None


def test_constant_source_index_marks_the_inside():
    index, inside = P.source_index(3, 2, 1, "constant")
    assert inside.tolist() == [False, False, True, True, True, False]
    assert index[inside].tolist() == [0, 1, 2]


X4 = torch.ones(1, 1, 4, 4)


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: P.zero_pad2d(X4, (1, 1)), ValueError, r"padding must have 4 elements"),
        (lambda: P.zero_pad2d(X4, 1.5), TypeError, "padding must be an int or a tuple"),
        (lambda: P.zero_pad2d(X4, (1, 1, 1, True)), TypeError, "padding must be"),
        (lambda: P.reflection_pad2d(X4, 4), ValueError, "reflection needs each pad"),
        (lambda: P.circular_pad2d(X4, 5), ValueError, "wrap around more than once"),
        (lambda: P.replication_pad2d(X4, (-2, -2, 0, 0)), ValueError, "empty output"),
        (lambda: P.zero_pad1d(torch.ones(1, 3), (-2, -2)), ValueError, "negative output size"),
        (lambda: P.reflection_pad2d(torch.ones(4, 4), 1), ValueError, "input must be 3-D or 4-D"),
        (lambda: P.circular_pad1d(torch.ones(1, 1, 1, 4), 1), ValueError, "input must be"),
        (lambda: P.zero_pad3d(torch.ones(4, 4), 1), ValueError, "input must have at least 3"),
        (lambda: P.pad(X4, (1, 1), "symmetric"), ValueError, "mode must be one of"),
        (lambda: P.pad(X4, (1, 1, 1)), ValueError, "padding must be a non-empty tuple of pairs"),
        (lambda: P.zero_pad1d([1.0, 2.0], 1), TypeError, "input must be a torch.Tensor"),
    ],
)
def test_bad_arguments_raise_errors_naming_them(call, error, match):
    with pytest.raises(error, match=match):
        call()


# Facts about torch 2.13 that the page states.


def test_torch_2d_layer_accepts_a_2_tuple_and_pads_only_the_width():
    layer = nn.ZeroPad2d((1, 1))
    assert layer.padding == (1, 1)
    assert layer(X4).shape == (1, 1, 4, 6)


def test_torch_reflection_limit_and_replication_without_limit():
    with pytest.raises(RuntimeError, match="Padding size should be less than"):
        nn.ReflectionPad2d(4)(X4)
    assert nn.ReplicationPad2d(9)(X4).shape == (1, 1, 22, 22)
    with pytest.raises(RuntimeError, match="wrapping around more than once"):
        nn.CircularPad2d(5)(X4)
    with pytest.raises(NotImplementedError):
        nn.ReflectionPad2d(1)(torch.ones(4, 4))  # needs a channel dimension
    assert nn.ZeroPad2d(1)(torch.ones(4, 4)).shape == (6, 6)  # constant padding does not
