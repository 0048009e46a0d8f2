"""nnref.vision.counting and nnref.vision.shapes against torch modules: parameter counts
(``numel``), receptive fields measured by backpropagation, and stage shapes seen by forward hooks
on real models, including the famous architectures built on the meta device."""

from dataclasses import replace

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.vision.counting import (
    batch_norm_params,
    conv2d_params,
    dense_map_params,
    linear_params,
    receptive_fields,
)
from nnref.vision.shapes import (
    BatchNorm,
    Conv,
    Flatten,
    GlobalAvgPool,
    Linear,
    Pool,
    ReLU,
    step,
    total_params,
    trace,
)


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    old = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(old)


def numel(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


# ---------------------------------------------------------------- counting


@pytest.mark.parametrize(
    ("c_in", "c_out", "k", "bias", "groups"),
    [
        (3, 16, 3, True, 1),
        (1, 6, 5, True, 1),
        (96, 256, 5, True, 2),
        (64, 64, (1, 7), False, 4),
        (8, 8, 3, False, 8),
    ],
)
def test_conv2d_params_equal_numel(c_in, c_out, k, bias, groups):
    layer = nn.Conv2d(c_in, c_out, k, bias=bias, groups=groups, device="meta")
    assert conv2d_params(c_in, c_out, k, bias, groups) == numel(layer)


def test_the_page_counts_equal_numel():
    conv = nn.Conv2d(3, 16, 3, padding=1, device="meta")
    dense = nn.Linear(3 * 32 * 32, 16 * 32 * 32, device="meta")
    assert conv2d_params(3, 16, 3) == numel(conv) == 448
    assert dense_map_params((3, 32, 32), (16, 32, 32)) == numel(dense) == 50_348_032
    assert dense.weight.numel() == 50_331_648
    big = nn.Linear(224 * 224 * 3, 1000, device="meta")
    assert dense_map_params((3, 224, 224), (1000,)) == numel(big) == 150_529_000
    assert linear_params(3 * 224 * 224, 1000, bias=False) == 150_528_000
    assert batch_norm_params(16) == numel(nn.BatchNorm2d(16)) == 32
    assert batch_norm_params(16, affine=False) == numel(nn.BatchNorm2d(16, affine=False)) == 0


def test_counting_rejects_bad_arguments():
    with pytest.raises(ValueError, match="groups"):
        conv2d_params(3, 16, 3, groups=2)
    with pytest.raises(ValueError, match="in_channels"):
        conv2d_params(0, 16, 3)
    with pytest.raises(TypeError, match="kernel_size"):
        conv2d_params(3, 16, "3")
    with pytest.raises(TypeError, match="bias"):
        linear_params(3, 4, bias=1)
    with pytest.raises(TypeError, match="in_shape"):
        dense_map_params(3, (4,))
    with pytest.raises(ValueError, match="strides"):
        receptive_fields([3, 3], strides=[1])
    with pytest.raises(ValueError, match="kernel_sizes"):
        receptive_fields([])


def measured_receptive_field(layers: list[tuple[str, int, int, int]], size: int = 96) -> int:
    """Backpropagate from the centre output unit and measure the rows that get a gradient.

    All weights are 1 and the pools average, so no gradient cancels: the support of the
    gradient is exactly the receptive field.
    """
    modules = []
    for kind, k, s, d in layers:
        if kind == "conv":
            conv = nn.Conv2d(1, 1, k, stride=s, dilation=d, bias=False)
            nn.init.ones_(conv.weight)
            modules.append(conv)
        else:
            modules.append(nn.AvgPool2d(k, stride=s))
    net = nn.Sequential(*modules).double()
    x = torch.ones(1, 1, size, size, dtype=torch.float64, requires_grad=True)
    out = net(x)
    h, w = out.shape[-2:]
    out[0, 0, h // 2, w // 2].backward()
    rows = torch.nonzero(x.grad[0, 0].abs().sum(1)).flatten()
    return int(rows.max() - rows.min() + 1)


@pytest.mark.parametrize(
    "layers",
    [
        [("conv", 3, 1, 1)] * 3,  # three 3x3 convs see 7 x 7, like one 7x7
        [("conv", 3, 1, 1), ("pool", 2, 2, 1), ("conv", 3, 1, 1), ("pool", 2, 2, 1)],
        [("conv", 5, 1, 1), ("pool", 2, 2, 1), ("conv", 5, 1, 1), ("pool", 2, 2, 1)],  # LeNet
        [("conv", 3, 1, 2), ("conv", 3, 1, 4)],
        [("conv", 7, 2, 1), ("pool", 3, 2, 1), ("conv", 3, 1, 1)],
    ],
)
def test_receptive_field_equals_gradient_support(layers):
    fields = receptive_fields(
        [k for _, k, _, _ in layers], [s for _, _, s, _ in layers], [d for *_, d in layers]
    )
    assert fields[-1][0] == measured_receptive_field(layers)


@settings(max_examples=25)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["conv", "pool"]),
            st.integers(1, 4),
            st.integers(1, 2),
            st.integers(1, 2),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_receptive_field_of_random_stacks(layers):
    layers = [(kind, k, s, d if kind == "conv" else 1) for kind, k, s, d in layers]
    fields = receptive_fields(
        [k for _, k, _, _ in layers], [s for _, _, s, _ in layers], [d for *_, d in layers]
    )
    assert fields[-1][0] == measured_receptive_field(layers)
    jump = 1
    for (_, _, s, _), (_, j) in zip(layers, fields, strict=True):
        jump *= s
        assert j == jump


def test_receptive_field_numbers_of_the_page():
    assert [r for r, _ in receptive_fields([3, 3, 3])] == [3, 5, 7]
    digits = receptive_fields([3, 2, 3, 2], [1, 2, 1, 2])
    assert digits == [(3, 1), (4, 2), (8, 2), (10, 4)]
    lenet = receptive_fields([5, 2, 5, 2], [1, 2, 1, 2])
    assert lenet == [(5, 1), (6, 2), (14, 2), (16, 4)]


# ---------------------------------------------------------------- shapes


def to_torch(specs, in_channels: int, device: str = "cpu") -> nn.Sequential:
    """The torch model that the specs describe (GlobalAvgPool = AdaptiveAvgPool2d + Flatten)."""
    layers, channels, features = [], in_channels, None
    for spec in specs:
        if isinstance(spec, Conv):
            layers.append(
                nn.Conv2d(
                    channels,
                    spec.out_channels,
                    spec.kernel_size,
                    spec.stride,
                    spec.padding,
                    spec.dilation,
                    spec.groups,
                    spec.bias,
                    device=device,
                )
            )
            channels = spec.out_channels
        elif isinstance(spec, Pool):
            layers.append(nn.MaxPool2d(spec.kernel_size, spec.stride, spec.padding))
        elif isinstance(spec, BatchNorm):
            layers.append(nn.BatchNorm2d(channels, device=device))
        elif isinstance(spec, ReLU):
            layers.append(nn.ReLU())
        elif isinstance(spec, GlobalAvgPool):
            layers.append(nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten()))
            features = channels
        elif isinstance(spec, Flatten):
            layers.append(nn.Flatten())
            features = None
        elif isinstance(spec, Linear):
            layers.append(
                nn.LazyLinear(spec.out_features, spec.bias, device=device)
                if features is None
                else nn.Linear(features, spec.out_features, spec.bias, device=device)
            )
            features = spec.out_features
    return nn.Sequential(*layers)


def hooked_shapes(model: nn.Sequential, x: torch.Tensor) -> list[tuple[int, ...]]:
    shapes = []
    handles = [
        m.register_forward_hook(lambda _m, _i, out: shapes.append(tuple(out.shape))) for m in model
    ]
    model(x)
    for handle in handles:
        handle.remove()
    return shapes


def check_against_torch(specs, input_shape, device="cpu"):
    stages = trace(input_shape, specs)
    model = to_torch(specs, input_shape[1], device)
    x = torch.zeros(input_shape, device=device)
    model.eval()
    assert hooked_shapes(model, x) == [stage.shape for stage in stages]
    for stage, module in zip(stages, model, strict=True):
        assert stage.params == numel(module)
    assert total_params(stages) == numel(model)
    return stages


DIGITS = [
    Conv(16, 3, padding=1),
    BatchNorm(),
    ReLU(),
    Pool(2),
    Conv(32, 3, padding=1),
    BatchNorm(),
    ReLU(),
    Pool(2),
    Flatten(),
    Linear(64),
    ReLU(),
    Linear(10),
]
LENET5 = [
    Conv(6, 5),
    ReLU(),
    Pool(2),
    Conv(16, 5),
    ReLU(),
    Pool(2),
    Flatten(),
    Linear(120),
    ReLU(),
    Linear(84),
    ReLU(),
    Linear(10),
]
VGG16 = [
    *[
        spec
        for width, n in [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)]
        for spec in [*[s for _ in range(n) for s in (Conv(width, 3, padding=1), ReLU())], Pool(2)]
    ],
    Flatten(),
    Linear(4096),
    ReLU(),
    Linear(4096),
    ReLU(),
    Linear(1000),
]
ALEXNET = [
    Conv(96, 11, stride=4),
    ReLU(),
    Pool(3, 2),
    Conv(256, 5, padding=2, groups=2),
    ReLU(),
    Pool(3, 2),
    Conv(384, 3, padding=1),
    ReLU(),
    Conv(384, 3, padding=1, groups=2),
    ReLU(),
    Conv(256, 3, padding=1, groups=2),
    ReLU(),
    Pool(3, 2),
    Flatten(),
    Linear(4096),
    ReLU(),
    Linear(4096),
    ReLU(),
    Linear(1000),
]


def test_digits_network_stage_by_stage():
    stages = check_against_torch(DIGITS, (64, 1, 8, 8))
    assert [s.shape for s in stages][::4] == [(64, 16, 8, 8), (64, 32, 4, 4), (64, 128)]
    assert [s.params for s in stages] == [160, 32, 0, 0, 4640, 64, 0, 0, 0, 8256, 0, 650]
    assert total_params(stages) == 13_802


def test_lenet5_modern_version():
    stages = check_against_torch(LENET5, (1, 1, 32, 32))
    assert [s.shape for s in stages if s.params] == [
        (1, 6, 28, 28),
        (1, 16, 10, 10),
        (1, 120),
        (1, 84),
        (1, 10),
    ]
    assert [s.params for s in stages if s.params] == [156, 2416, 48120, 10164, 850]
    assert total_params(stages) == 61_706


def test_lenet5_original_c3_and_trainable_subsampling():
    # C3 of LeCun et al. (1998): 6 maps see 3 contiguous S2 maps, 6 see 4 contiguous,
    # 3 see 4 non-contiguous, 1 sees all 6; each connection is a 5x5 kernel, plus a bias per map.
    inputs_per_map = [3] * 6 + [4] * 6 + [4] * 3 + [6]
    assert sum(n * 25 for n in inputs_per_map) + 16 == 1516
    assert conv2d_params(6, 16, 5) == 2416  # the fully connected modern C3
    # S2 and S4: one trainable coefficient and one bias per map
    s2, s4 = 2 * 6, 2 * 16
    c1, c5, f6 = conv2d_params(1, 6, 5), conv2d_params(16, 120, 5), linear_params(120, 84)
    assert (c1, s2, s4, c5, f6) == (156, 12, 32, 48_120, 10_164)
    # the output layer's RBF centres are fixed: 60 000 trainable parameters, as in the paper
    assert c1 + s2 + 1516 + s4 + c5 + f6 == 60_000


def test_vgg16_and_alexnet_counts_on_meta():
    vgg = check_against_torch(VGG16, (1, 3, 224, 224), device="meta")
    assert total_params(vgg) == 138_357_544
    assert vgg[-6].shape == (1, 25088)
    alex = check_against_torch(ALEXNET, (1, 3, 227, 227), device="meta")
    assert total_params(alex) == 60_965_224
    assert alex[-6].shape == (1, 9216)
    # The one-GPU variant (no groups), the source of the often-quoted 62.3 million
    one_gpu = [replace(s, groups=1) if isinstance(s, Conv) else s for s in ALEXNET]
    assert total_params(check_against_torch(one_gpu, (1, 3, 227, 227), device="meta")) == 62_378_344


class Bottleneck(nn.Module):
    def __init__(self, c_in: int, width: int, stride: int):
        super().__init__()
        out = 4 * width
        self.body = nn.Sequential(
            nn.Conv2d(c_in, width, 1, bias=False),
            nn.BatchNorm2d(width),
            nn.ReLU(),
            nn.Conv2d(width, width, 3, stride, 1, bias=False),
            nn.BatchNorm2d(width),
            nn.ReLU(),
            nn.Conv2d(width, out, 1, bias=False),
            nn.BatchNorm2d(out),
        )
        self.shortcut = (
            nn.Sequential(nn.Conv2d(c_in, out, 1, stride, bias=False), nn.BatchNorm2d(out))
            if stride != 1 or c_in != out
            else nn.Identity()
        )

    def forward(self, x):
        return torch.relu(self.body(x) + self.shortcut(x))


def resnet50() -> nn.Sequential:
    layers = [
        nn.Conv2d(3, 64, 7, 2, 3, bias=False),
        nn.BatchNorm2d(64),
        nn.ReLU(),
        nn.MaxPool2d(3, 2, 1),
    ]
    c_in = 64
    for width, blocks, stride in [(64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2)]:
        for index in range(blocks):
            layers.append(Bottleneck(c_in, width, stride if index == 0 else 1))
            c_in = 4 * width
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(2048, 1000))


class Inception(nn.Module):
    def __init__(self, c_in, n1, r3, n3, r5, n5, pool_proj):
        super().__init__()
        self.b1 = nn.Sequential(nn.Conv2d(c_in, n1, 1), nn.ReLU())
        self.b3 = nn.Sequential(
            nn.Conv2d(c_in, r3, 1), nn.ReLU(), nn.Conv2d(r3, n3, 3, padding=1), nn.ReLU()
        )
        self.b5 = nn.Sequential(
            nn.Conv2d(c_in, r5, 1), nn.ReLU(), nn.Conv2d(r5, n5, 5, padding=2), nn.ReLU()
        )
        self.bp = nn.Sequential(nn.MaxPool2d(3, 1, 1), nn.Conv2d(c_in, pool_proj, 1), nn.ReLU())

    def forward(self, x):
        return torch.cat([self.b1(x), self.b3(x), self.b5(x), self.bp(x)], 1)


def googlenet() -> nn.Sequential:
    """Table 1 of Szegedy et al. (2014), without the auxiliary classifiers and LRN."""
    return nn.Sequential(
        nn.Conv2d(3, 64, 7, 2, 3),
        nn.ReLU(),
        nn.MaxPool2d(3, 2, ceil_mode=True),
        nn.Conv2d(64, 64, 1),
        nn.ReLU(),
        nn.Conv2d(64, 192, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(3, 2, ceil_mode=True),
        Inception(192, 64, 96, 128, 16, 32, 32),
        Inception(256, 128, 128, 192, 32, 96, 64),
        nn.MaxPool2d(3, 2, ceil_mode=True),
        Inception(480, 192, 96, 208, 16, 48, 64),
        Inception(512, 160, 112, 224, 24, 64, 64),
        Inception(512, 128, 128, 256, 24, 64, 64),
        Inception(512, 112, 144, 288, 32, 64, 64),
        Inception(528, 256, 160, 320, 32, 128, 128),
        nn.MaxPool2d(3, 2, ceil_mode=True),
        Inception(832, 256, 160, 320, 32, 128, 128),
        Inception(832, 384, 192, 384, 48, 128, 128),
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
        nn.Dropout(0.4),
        nn.Linear(1024, 1000),
    )


def test_resnet50_and_googlenet_counts_on_meta():
    with torch.device("meta"):
        resnet, inception = resnet50(), googlenet()
    assert numel(resnet) == 25_557_032
    assert resnet(torch.zeros(1, 3, 224, 224, device="meta")).shape == (1, 1000)
    assert numel(inception) == 6_998_552
    out = hooked_shapes(inception, torch.zeros(1, 3, 224, 224, device="meta"))
    assert out[7] == (1, 192, 28, 28) and out[-5] == (1, 1024, 7, 7)


conv_specs = st.builds(
    Conv,
    out_channels=st.integers(1, 6),
    kernel_size=st.integers(1, 3),
    stride=st.integers(1, 2),
    padding=st.integers(0, 1),
    dilation=st.integers(1, 2),
    bias=st.booleans(),
)
pool_specs = st.builds(Pool, kernel_size=st.integers(1, 3), stride=st.none() | st.integers(1, 2))
block_specs = st.lists(
    st.one_of(conv_specs, pool_specs, st.just(BatchNorm()), st.just(ReLU())),
    min_size=1,
    max_size=6,
)


@settings(max_examples=40)
@given(block_specs, st.booleans(), st.integers(1, 3), st.integers(12, 20))
def test_random_stacks_match_forward_hooks(blocks, global_pool, channels, size):
    head = [GlobalAvgPool(), Linear(5)] if global_pool else [Flatten(), Linear(3, bias=False)]
    specs = [*blocks, *head]
    try:
        trace((2, channels, size, size), specs)
    except ValueError:
        return  # a window larger than the map: torch refuses too (checked below)
    check_against_torch(specs, (2, channels, size, size))


def test_too_small_map_fails_in_both():
    specs = [Conv(4, 3), Conv(4, 3), Conv(4, 3)]
    with pytest.raises(ValueError, match="kernel_size"):
        trace((1, 1, 5, 5), specs)
    with pytest.raises(RuntimeError):
        to_torch(specs, 1)(torch.zeros(1, 1, 5, 5))


def test_trace_rejects_bad_input():
    with pytest.raises(ValueError, match="input_shape"):
        trace((1, 8, 8), [ReLU()])
    with pytest.raises(ValueError, match="Linear needs"):
        trace((1, 1, 8, 8), [Linear(10)])
    with pytest.raises(ValueError, match="Conv needs"):
        trace((1, 1, 8, 8), [Flatten(), Conv(3, 3)])
    with pytest.raises(TypeError, match="spec"):
        step(nn.ReLU(), (1, 1, 8, 8))
    with pytest.raises(ValueError, match="padding"):
        trace((1, 1, 8, 8), [Pool(2, padding=2)])
