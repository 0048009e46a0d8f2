"""nnref.layers.conv and nnref.layers.conv_shapes against torch: values, gradients, shapes, init."""

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.layers.conv import (
    col2im,
    conv1d,
    conv2d,
    conv3d,
    conv_init,
    conv_nd,
    conv_parameter_count,
    conv_transpose1d,
    conv_transpose2d,
    conv_transpose3d,
    conv_transpose_nd,
    conv_weight_shape,
    im2col,
    pad_nd,
)
from nnref.layers.conv_shapes import (
    conv_output_shape,
    conv_transpose_output_shape,
    receptive_field,
    same_padding,
)

# torch warns that padding="same" with an even kernel may copy the input; that is expected here.
pytestmark = pytest.mark.filterwarnings("ignore:Using padding='same':UserWarning")

DOUBLE = torch.float64
OURS = {1: conv1d, 2: conv2d, 3: conv3d}
THEIRS = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}
OURS_T = {1: conv_transpose1d, 2: conv_transpose2d, 3: conv_transpose3d}
THEIRS_T = {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}
MODULES = {1: nn.Conv1d, 2: nn.Conv2d, 3: nn.Conv3d}
MODULES_T = {1: nn.ConvTranspose1d, 2: nn.ConvTranspose2d, 3: nn.ConvTranspose3d}
LAZY = {1: nn.LazyConv1d, 2: nn.LazyConv2d, 3: nn.LazyConv3d}
LAZY_T = {1: nn.LazyConvTranspose1d, 2: nn.LazyConvTranspose2d, 3: nn.LazyConvTranspose3d}


def _tensors(n, in_channels, out_channels, size, kernel, groups, transposed=False, seed=0):
    """Random float64 input, weight and bias that require grad."""
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(2, in_channels, *([size] * n), dtype=DOUBLE, generator=generator)
    shape = conv_weight_shape(in_channels, out_channels, (kernel,) * n, groups, transposed)
    w = torch.randn(shape, dtype=DOUBLE, generator=generator)
    b = torch.randn(out_channels, dtype=DOUBLE, generator=generator)
    return [t.requires_grad_() for t in (x, w, b)]


def _assert_same_values_and_gradients(ours, theirs, inputs):
    torch.testing.assert_close(ours, theirs)
    upstream = torch.randn_like(theirs)
    grads_ours = torch.autograd.grad(ours, inputs, upstream)
    grads_theirs = torch.autograd.grad(theirs, inputs, upstream)
    for g_ours, g_theirs in zip(grads_ours, grads_theirs, strict=True):
        torch.testing.assert_close(g_ours, g_theirs)


CONV_CASES = [
    {},
    {"stride": 2},
    {"padding": 1, "dilation": 2},
    {"stride": 2, "padding": 2, "groups": 2},
    {"padding": "same", "dilation": 2},
    {"padding": "valid", "groups": 4},
]


@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("options", CONV_CASES, ids=str)
def test_conv_matches_torch_values_and_gradients(n, options):
    size = {1: 9, 2: 7, 3: 5}[n]
    x, w, b = _tensors(n, 4, 8, size, kernel=2, groups=options.get("groups", 1))
    ours = OURS[n](x, w, b, **options)
    theirs = THEIRS[n](x, w, b, **options)
    _assert_same_values_and_gradients(ours, theirs, [x, w, b])


@pytest.mark.parametrize("n", [1, 2, 3])
def test_conv_passes_gradcheck(n):
    x, w, b = _tensors(n, 2, 4, 4, kernel=2, groups=2)
    options = {"stride": 2, "padding": 1, "dilation": 1, "groups": 2}
    assert torch.autograd.gradcheck(lambda *t: OURS[n](*t, **options), (x, w, b))


@pytest.mark.parametrize("mode", ["zeros", "reflect", "replicate", "circular"])
@pytest.mark.parametrize("padding", [1, 2, "same"], ids=str)
def test_conv_padding_modes_match_the_module(mode, padding):
    torch.manual_seed(0)
    layer = nn.Conv2d(3, 4, (3, 2), padding=padding, padding_mode=mode, dtype=DOUBLE)
    x = torch.randn(2, 3, 5, 6, dtype=DOUBLE, requires_grad=True)
    ours = conv2d(x, layer.weight, layer.bias, padding=padding, padding_mode=mode)
    _assert_same_values_and_gradients(ours, layer(x), [x, layer.weight, layer.bias])


def test_pad_nd_matches_torch_pad_in_every_mode():
    x = torch.arange(2 * 3 * 4, dtype=DOUBLE).reshape(1, 2, 3, 4)
    for mode, torch_mode in [
        ("zeros", "constant"),
        ("reflect", "reflect"),
        ("replicate", "replicate"),
        ("circular", "circular"),
    ]:
        ours = pad_nd(x, ((2, 1), (3, 0)), mode)
        theirs = F.pad(x, (3, 0, 2, 1), mode=torch_mode)
        torch.testing.assert_close(ours, theirs, msg=mode)


def test_unbatched_input_like_torch():
    x, w, b = _tensors(2, 2, 3, 5, kernel=3, groups=1)
    torch.testing.assert_close(conv2d(x[0], w, b, padding=1), F.conv2d(x[0], w, b, padding=1))
    wt = torch.randn(2, 3, 3, 3, dtype=DOUBLE)
    torch.testing.assert_close(
        conv_transpose2d(x[0], wt, stride=2), F.conv_transpose2d(x[0], wt, stride=2)
    )


TRANSPOSE_CASES = [
    {},
    {"stride": 2},
    {"stride": 2, "padding": 1, "output_padding": 1},
    {"stride": 3, "padding": 2, "output_padding": 2, "groups": 2},
    {"dilation": 3, "output_padding": 2, "groups": 4},
    {"stride": 2, "dilation": 2, "padding": 1, "output_padding": 1},
]


@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("options", TRANSPOSE_CASES, ids=str)
def test_conv_transpose_matches_torch_values_and_gradients(n, options):
    size = {1: 6, 2: 4, 3: 3}[n]
    groups = options.get("groups", 1)
    x, w, b = _tensors(n, 4, 8, size, kernel=3, groups=groups, transposed=True)
    ours = OURS_T[n](x, w, b, **options)
    theirs = THEIRS_T[n](x, w, b, **options)
    _assert_same_values_and_gradients(ours, theirs, [x, w, b])


@pytest.mark.parametrize("n", [1, 2, 3])
def test_conv_transpose_passes_gradcheck(n):
    x, w, b = _tensors(n, 2, 2, 3, kernel=2, groups=2, transposed=True)
    options = {"stride": 2, "padding": 1, "output_padding": 1, "groups": 2}
    assert torch.autograd.gradcheck(lambda *t: OURS_T[n](*t, **options), (x, w, b))


@pytest.mark.parametrize("n", [1, 2, 3])
def test_conv_transpose_is_the_adjoint_of_conv(n):
    # <conv(x), y> == <x, conv_transpose(y)> with the same weight: transposed, not inverse.
    x, w, _ = _tensors(n, 4, 6, 7, kernel=3, groups=2)
    options = {"stride": 2, "padding": 1, "dilation": 2, "groups": 2}
    y = conv_nd(x, w, **options)
    z = torch.randn_like(y)
    short = conv_transpose_nd(z, w, **options).shape[2:]
    extra = [a - b for a, b in zip(x.shape[2:], short, strict=True)]
    back = conv_transpose_nd(z, w, output_padding=tuple(extra), **options)
    torch.testing.assert_close((y * z).sum(), (x * back).sum())
    # and it is what autograd uses for the input gradient of a convolution
    (grad,) = torch.autograd.grad(y, x, z)
    torch.testing.assert_close(grad, back)


UNFOLD_CASES = [
    {"kernel_size": 2},
    {"kernel_size": (2, 3), "stride": 2},
    {"kernel_size": 3, "padding": 1, "dilation": 2},
    {"kernel_size": (3, 2), "dilation": (1, 2), "padding": (2, 1), "stride": (2, 1)},
]


@pytest.mark.parametrize("options", UNFOLD_CASES, ids=str)
def test_im2col_and_col2im_match_unfold_and_fold(options):
    x = torch.randn(2, 3, 7, 6, dtype=DOUBLE, requires_grad=True)
    ours = im2col(x, **options)
    _assert_same_values_and_gradients(ours, F.unfold(x, **options), [x])
    columns = torch.randn(ours.shape, dtype=DOUBLE, requires_grad=True)
    _assert_same_values_and_gradients(
        col2im(columns, (7, 6), **options), F.fold(columns, (7, 6), **options), [columns]
    )
    # the modules are the same functions
    torch.testing.assert_close(nn.Unfold(**options)(x), ours)
    torch.testing.assert_close(
        nn.Fold((7, 6), **options)(columns), col2im(columns, (7, 6), **options)
    )


def test_im2col_and_col2im_pass_gradcheck():
    x = torch.randn(1, 2, 4, 3, dtype=DOUBLE, requires_grad=True)
    options = {"kernel_size": 2, "padding": 1, "stride": (2, 1)}
    assert torch.autograd.gradcheck(lambda t: im2col(t, **options), (x,))
    columns = im2col(x, **options).detach().requires_grad_()
    assert torch.autograd.gradcheck(lambda t: col2im(t, (4, 3), **options), (columns,))


def test_col2im_is_the_adjoint_of_im2col():
    x = torch.randn(2, 3, 6, 5, dtype=DOUBLE)
    options = {"kernel_size": 3, "padding": 1, "stride": 2, "dilation": 1}
    columns = torch.randn_like(im2col(x, **options))
    left = (im2col(x, **options) * columns).sum()
    right = (x * col2im(columns, (6, 5), **options)).sum()
    torch.testing.assert_close(left, right)


@pytest.mark.parametrize("stride", [1, 2, 3])
def test_fold_of_unfold_counts_overlaps(stride):
    x = torch.randn(1, 2, 7, 7, dtype=DOUBLE)
    options = {"kernel_size": 3, "stride": stride}
    counts = col2im(im2col(torch.ones_like(x), **options), (7, 7), **options)
    ours = col2im(im2col(x, **options), (7, 7), **options)
    torch.testing.assert_close(ours, x * counts)
    torch.testing.assert_close(ours, F.fold(F.unfold(x, **options), (7, 7), **options))
    if stride == 1:  # overlapping windows: the round trip is not the identity
        assert not torch.allclose(ours, x)
    covered = counts > 0
    torch.testing.assert_close((ours / counts.clamp(min=1))[covered], x[covered])


def test_conv2d_is_unfold_then_matmul():
    x, w, b = _tensors(2, 4, 6, 6, kernel=3, groups=1)
    columns = im2col(x, 3, padding=1)
    manual = (w.reshape(6, -1) @ columns).reshape(2, 6, 6, 6) + b.reshape(1, 6, 1, 1)
    torch.testing.assert_close(manual, F.conv2d(x, w, b, padding=1))


@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize(("groups", "bias"), [(1, True), (2, False), (4, True)])
@pytest.mark.parametrize("transposed", [False, True])
def test_conv_init_and_parameter_count_match_the_modules(n, groups, bias, transposed):
    kernel = (3, 2, 2)[:n]
    module = (MODULES_T if transposed else MODULES)[n]
    torch.manual_seed(7)
    weight, bias_tensor = conv_init(4, 8, kernel, groups, bias, transposed)
    torch.manual_seed(7)
    layer = module(4, 8, kernel, groups=groups, bias=bias)
    torch.testing.assert_close(weight, layer.weight.detach(), rtol=0, atol=0)
    if bias:
        torch.testing.assert_close(bias_tensor, layer.bias.detach(), rtol=0, atol=0)
    else:
        assert bias_tensor is None and layer.bias is None
    expected = sum(p.numel() for p in layer.parameters())
    assert conv_parameter_count(4, 8, kernel, groups, bias) == expected


def test_parameter_count_of_the_page_example():
    # docs/en/layers/convolution.md: Conv2d(3, 64, 3) has 1 792 parameters.
    assert conv_parameter_count(3, 64, (3, 3)) == 64 * 3 * 3 * 3 + 64 == 1792
    assert conv_parameter_count(32, 32, (3, 3), groups=32) == 32 * 9 + 32


@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("transposed", [False, True])
def test_lazy_modules_infer_in_channels_and_initialise_like_conv_init(n, transposed):
    lazy_class = (LAZY_T if transposed else LAZY)[n]
    target = (MODULES_T if transposed else MODULES)[n]
    layer = lazy_class(6, 3, groups=2)
    assert isinstance(layer.weight, nn.parameter.UninitializedParameter)
    x = torch.randn(1, 4, *([5] * n))
    torch.manual_seed(11)
    y = layer(x)
    assert type(layer) is target and layer.in_channels == 4
    torch.manual_seed(11)
    weight, bias = conv_init(4, 6, (3,) * n, groups=2, transposed=transposed)
    torch.testing.assert_close(layer.weight.detach(), weight, rtol=0, atol=0)
    torch.testing.assert_close(layer.bias.detach(), bias, rtol=0, atol=0)
    ours = (conv_transpose_nd if transposed else conv_nd)(x, weight, bias, groups=2)
    torch.testing.assert_close(ours, y)


# Shapes over random configurations: the formula (conv_output_shape) against torch's real
# output, including configurations torch rejects, which the formula must reject too.


@st.composite
def conv_configs(draw):
    n = draw(st.integers(1, 3))
    groups = draw(st.sampled_from([1, 2, 3]))
    sizes = tuple(draw(st.lists(st.integers(1, 9), min_size=n, max_size=n)))
    kernel = tuple(draw(st.lists(st.integers(1, 4), min_size=n, max_size=n)))
    stride = tuple(draw(st.lists(st.integers(1, 3), min_size=n, max_size=n)))
    dilation = tuple(draw(st.lists(st.integers(1, 3), min_size=n, max_size=n)))
    padding = draw(
        st.one_of(
            st.tuples(*[st.integers(0, 3)] * n),
            st.sampled_from(["valid", "same"]),
            st.integers(0, 2),
        )
    )
    if padding == "same":
        stride = (1,) * n
    return n, groups, sizes, kernel, stride, padding, dilation


@settings(max_examples=60)
@given(conv_configs())
def test_conv_output_shape_equals_torch(config):
    n, groups, sizes, kernel, stride, padding, dilation = config
    x = torch.zeros(1, 2 * groups, *sizes)
    w = torch.zeros(groups, 2, *kernel)
    options = {"stride": stride, "padding": padding, "dilation": dilation, "groups": groups}
    try:
        expected = tuple(THEIRS[n](x, w, **options).shape[2:])
    except RuntimeError:
        with pytest.raises(ValueError, match="kernel_size"):
            conv_output_shape(sizes, kernel, stride, padding, dilation)
        return
    assert conv_output_shape(sizes, kernel, stride, padding, dilation) == expected
    assert tuple(conv_nd(x, w, **options).shape[2:]) == expected


@st.composite
def conv_transpose_configs(draw):
    n = draw(st.integers(1, 3))
    groups = draw(st.sampled_from([1, 2]))
    sizes = tuple(draw(st.lists(st.integers(1, 5), min_size=n, max_size=n)))
    kernel = tuple(draw(st.lists(st.integers(1, 4), min_size=n, max_size=n)))
    stride = tuple(draw(st.lists(st.integers(1, 3), min_size=n, max_size=n)))
    dilation = tuple(draw(st.lists(st.integers(1, 3), min_size=n, max_size=n)))
    padding = tuple(draw(st.lists(st.integers(0, 3), min_size=n, max_size=n)))
    output_padding = tuple(draw(st.lists(st.integers(0, 3), min_size=n, max_size=n)))
    return n, groups, sizes, kernel, stride, padding, output_padding, dilation


@settings(max_examples=60)
@given(conv_transpose_configs())
def test_conv_transpose_output_shape_equals_torch(config):
    n, groups, sizes, kernel, stride, padding, output_padding, dilation = config
    x = torch.zeros(1, 2 * groups, *sizes)
    w = torch.zeros(2 * groups, 1, *kernel)
    options = {
        "stride": stride,
        "padding": padding,
        "output_padding": output_padding,
        "groups": groups,
        "dilation": dilation,
    }
    arguments = (sizes, kernel, stride, padding, output_padding, dilation)
    try:
        expected = tuple(THEIRS_T[n](x, w, **options).shape[2:])
    except RuntimeError as error:
        name = "output_padding" if "output padding" in str(error) else "padding"
        with pytest.raises(ValueError, match=name):
            conv_transpose_output_shape(*arguments)
        return
    assert conv_transpose_output_shape(*arguments) == expected
    assert tuple(conv_transpose_nd(x, w, **options).shape[2:]) == expected


@settings(max_examples=25)
@given(conv_configs(), st.integers(0, 2**31 - 1))
def test_conv_nd_values_equal_torch_on_random_configurations(config, seed):
    n, groups, sizes, kernel, stride, padding, dilation = config
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(2, 2 * groups, *sizes, dtype=DOUBLE, generator=generator)
    w = torch.randn(2 * groups, 2, *kernel, dtype=DOUBLE, generator=generator)
    options = {"stride": stride, "padding": padding, "dilation": dilation, "groups": groups}
    try:
        expected = THEIRS[n](x, w, **options)
    except RuntimeError:
        return
    torch.testing.assert_close(conv_nd(x, w, **options), expected)


@settings(max_examples=30)
@given(
    st.lists(
        st.tuples(st.integers(1, 4), st.integers(1, 3), st.integers(1, 3)), min_size=1, max_size=4
    )
)
def test_receptive_field_equals_the_support_of_the_input_gradient(layers):
    kernels, strides, dilations = (list(column) for column in zip(*layers, strict=True))
    field = receptive_field(kernels, strides, dilations)
    x = torch.zeros(1, 1, field + 8, dtype=DOUBLE, requires_grad=True)
    y = x
    for k, s, d in layers:
        y = F.conv1d(y, torch.ones(1, 1, k, dtype=DOUBLE), stride=s, dilation=d)
    (grad,) = torch.autograd.grad(y[0, 0, 0], x)
    support = grad[0, 0].nonzero()
    assert int(support.max() - support.min()) + 1 == field


@pytest.mark.parametrize(("kernel", "dilation"), [(3, 1), (4, 1), (2, 3), ((5, 2), (1, 2))])
def test_same_padding_equals_the_module_split(kernel, dilation):
    layer = nn.Conv2d(1, 1, kernel, padding="same", dilation=dilation, padding_mode="reflect")
    pads = same_padding(layer.kernel_size, layer.dilation)
    # torch stores (last dim left, last dim right, previous dim left, ...)
    flat = [p for pair in reversed(pads) for p in pair]
    assert flat == layer._reversed_padding_repeated_twice


def test_page_examples_of_the_arithmetic():
    # docs/en/layers/conv-arithmetic.md
    assert conv_output_shape((28, 28), 5) == (24, 24)
    assert conv_output_shape(7, 3, stride=2, padding=1) == (4,)
    assert conv_output_shape((32, 32), 3, padding="same", dilation=2) == (32, 32)
    assert conv_transpose_output_shape(4, 4, stride=2, padding=1) == (8,)
    assert conv_output_shape(7, 3, stride=2) == conv_output_shape(8, 3, stride=2) == (3,)
    assert receptive_field([3, 3, 3]) == 7
    assert receptive_field([3, 3, 3], dilations=[1, 2, 4]) == 15


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: conv_output_shape((4, 4), 3, padding="full"), ValueError, "padding"),
        (lambda: conv_output_shape(8, 3, stride=2, padding="same"), ValueError, "stride"),
        (lambda: conv_output_shape(2, 3), ValueError, "kernel_size"),
        (lambda: conv_output_shape((5, 5), (3, 3, 3)), ValueError, "kernel_size must have 2"),
        (lambda: conv_output_shape(5, 0), ValueError, "kernel_size must be positive"),
        (lambda: conv_output_shape(5, 2, stride=1.5), TypeError, "stride"),
        (lambda: conv_output_shape(5, 2, padding=-1), ValueError, "padding"),
        (lambda: conv_output_shape("5", 2), TypeError, "input_size"),
        (
            lambda: conv_transpose_output_shape(4, 3, stride=2, output_padding=2),
            ValueError,
            "output_padding",
        ),
        (lambda: conv_transpose_output_shape(1, 1, padding=1), ValueError, "padding"),
        (lambda: receptive_field([3, 3], strides=[2]), ValueError, "strides"),
        (lambda: receptive_field([]), ValueError, "kernel_sizes"),
        (lambda: conv_weight_shape(3, 4, (3, 3), groups=2), ValueError, "in_channels"),
        (lambda: conv_weight_shape(4, 3, (3, 3), groups=2), ValueError, "out_channels"),
        (lambda: conv_init(4, 4, 3), TypeError, "kernel_size"),
    ],
)
def test_shape_functions_reject_bad_arguments(call, error, match):
    with pytest.raises(error, match=match):
        call()


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: conv2d(torch.randn(1, 3, 5, 5), torch.randn(4, 2, 3, 3)), ValueError, "channels"),
        (lambda: conv2d(torch.randn(3, 5), torch.randn(4, 3, 3, 3)), ValueError, "input must"),
        (lambda: conv2d(torch.randn(1, 3, 5, 5), torch.randn(4, 3, 3)), ValueError, "weight"),
        (
            lambda: conv2d(torch.ones(1, 3, 5, 5, dtype=torch.long), torch.randn(4, 3, 3, 3)),
            TypeError,
            "floating-point",
        ),
        (
            lambda: conv2d(torch.randn(1, 4, 5, 5), torch.randn(3, 2, 3, 3), groups=2),
            ValueError,
            "divisible by groups",
        ),
        (
            lambda: conv2d(torch.randn(1, 3, 5, 5), torch.randn(4, 3, 3, 3), torch.randn(3)),
            ValueError,
            "bias",
        ),
        (
            lambda: conv2d(torch.randn(1, 3, 2, 2), torch.randn(4, 3, 3, 3)),
            ValueError,
            "kernel_size",
        ),
        (
            lambda: conv2d(torch.randn(1, 3, 5, 5), torch.randn(4, 3, 3, 3), padding_mode="edge"),
            ValueError,
            "padding_mode",
        ),
        (
            lambda: conv2d(
                torch.randn(1, 3, 3, 3), torch.randn(4, 3, 3, 3), padding=3, padding_mode="reflect"
            ),
            ValueError,
            "padding",
        ),
        (
            lambda: conv_transpose2d(torch.randn(1, 3, 4, 4), torch.randn(4, 3, 3, 3)),
            ValueError,
            "in_channels",
        ),
        (
            lambda: conv_transpose2d(
                torch.randn(1, 4, 4, 4), torch.randn(4, 3, 3, 3), stride=2, output_padding=2
            ),
            ValueError,
            "output_padding",
        ),
        (lambda: im2col(torch.randn(3, 5), 2), ValueError, "input must"),
        (lambda: col2im(torch.randn(1, 12, 5), (4, 4), 2), ValueError, "columns"),
        (lambda: col2im(torch.randn(1, 10, 9), (4, 4), 2), ValueError, "rows"),
        (lambda: col2im([1.0], (4, 4), 2), TypeError, "input must be a torch.Tensor"),
    ],
)
def test_functions_reject_bad_arguments(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_a_wrong_layout_is_caught_by_the_channel_check():
    # NHWC data given to a channels-first convolution: 3 "channels" are really the width.
    x = torch.randn(1, 8, 8, 3)
    with pytest.raises(ValueError, match="input has 8 channels"):
        conv2d(x, torch.randn(4, 3, 3, 3))
