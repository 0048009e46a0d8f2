"""The normalization layers of nnref against torch.nn: values, gradients, running statistics."""

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.layers.batch_norm import BatchNorm, batch_norm, sync_batch_norm
from nnref.layers.group_norm import group_norm
from nnref.layers.instance_norm import InstanceNorm, instance_norm
from nnref.layers.layer_norm import layer_norm, rms_norm
from nnref.layers.local_response_norm import cross_map_lrn2d, local_response_norm, lrn_window

F64 = torch.float64
BATCH_NORMS = {1: nn.BatchNorm1d, 2: nn.BatchNorm2d, 3: nn.BatchNorm3d}
INSTANCE_NORMS = {1: nn.InstanceNorm1d, 2: nn.InstanceNorm2d, 3: nn.InstanceNorm3d}
LAZY_BATCH_NORMS = {1: nn.LazyBatchNorm1d, 2: nn.LazyBatchNorm2d, 3: nn.LazyBatchNorm3d}
LAZY_INSTANCE_NORMS = {1: nn.LazyInstanceNorm1d, 2: nn.LazyInstanceNorm2d, 3: nn.LazyInstanceNorm3d}
BN_INPUT_DIMS = {1: (2, 3), 2: (4,), 3: (5,)}
SHAPES = {1: (6, 3, 4), 2: (4, 3, 3, 5), 3: (2, 3, 2, 3, 4)}


def randn(*shape, requires_grad=False):
    return torch.randn(*shape, dtype=F64, requires_grad=requires_grad)


def assert_same_gradients(ours, theirs, inputs):
    """Backpropagate the same upstream gradient through both outputs; compare the gradients."""
    torch.testing.assert_close(ours, theirs)
    upstream = torch.randn_like(ours)
    for g_ours, g_theirs in zip(
        torch.autograd.grad(ours, inputs, upstream, retain_graph=True),
        torch.autograd.grad(theirs, inputs, upstream, retain_graph=True),
        strict=True,
    ):
        torch.testing.assert_close(g_ours, g_theirs)


# --- batch normalization -------------------------------------------------------------------


@pytest.mark.parametrize("shape", [(5, 3), (4, 3, 6), (2, 3, 4, 5), (2, 3, 2, 3, 2)], ids=str)
@pytest.mark.parametrize("training", [True, False], ids=["train", "eval"])
@pytest.mark.parametrize("with_affine", [True, False], ids=["affine", "plain"])
def test_batch_norm_matches_torch_values_gradients_and_updates(shape, training, with_affine):
    torch.manual_seed(0)
    x = (randn(*shape) * 3 + 2).requires_grad_()
    c = shape[1]
    weight = randn(c, requires_grad=True) if with_affine else None
    bias = randn(c, requires_grad=True) if with_affine else None
    ours_stats = [randn(c), randn(c).abs() + 0.5]
    torch_stats = [s.clone() for s in ours_stats]
    ours = batch_norm(x, *ours_stats, weight, bias, training=training, momentum=0.3, eps=1e-3)
    theirs = F.batch_norm(x, *torch_stats, weight, bias, training=training, momentum=0.3, eps=1e-3)
    inputs = [x, weight, bias] if with_affine else [x]
    assert_same_gradients(ours, theirs, inputs)
    for mine, reference in zip(ours_stats, torch_stats, strict=True):
        torch.testing.assert_close(mine, reference)
    stats = [s.clone() for s in ours_stats]
    assert torch.autograd.gradcheck(
        lambda *t: batch_norm(t[0], *stats, *t[1:], training=training), tuple(inputs)
    )


def test_batch_norm_updates_running_var_with_the_unbiased_variance():
    torch.manual_seed(0)
    x = randn(4, 2, 3)
    running_mean, running_var = torch.zeros(2, dtype=F64), torch.ones(2, dtype=F64)
    batch_norm(x, running_mean, running_var, training=True, momentum=0.1)
    flat = x.transpose(0, 1).reshape(2, -1)
    torch.testing.assert_close(running_mean, 0.1 * flat.mean(1))
    torch.testing.assert_close(running_var, 0.9 + 0.1 * flat.var(1, correction=1))
    assert not torch.allclose(running_var, 0.9 + 0.1 * flat.var(1, correction=0))


@pytest.mark.parametrize("dims", [1, 2, 3])
@pytest.mark.parametrize("momentum", [0.1, None], ids=["momentum-0.1", "momentum-None"])
@pytest.mark.parametrize(
    ("affine", "track"),
    [(True, True), (False, True), (True, False)],
    ids=["", "no-affine", "no-track"],
)
def test_batch_norm_module_state_after_several_steps_then_eval(dims, momentum, affine, track):
    torch.manual_seed(dims)
    reference = BATCH_NORMS[dims](3, momentum=momentum, affine=affine, track_running_stats=track)
    reference = reference.double()
    ours = BatchNorm(
        3,
        momentum=momentum,
        affine=affine,
        track_running_stats=track,
        input_dims=BN_INPUT_DIMS[dims],
        dtype=F64,
    )
    for step in range(4):
        x = randn(*SHAPES[dims]) * (step + 1) + step
        torch.testing.assert_close(ours(x), reference(x))
    for name in ("running_mean", "running_var", "num_batches_tracked"):
        mine, theirs = getattr(ours, name), getattr(reference, name)
        assert (mine is None) == (theirs is None) == (not track), name
        if track:
            torch.testing.assert_close(mine, theirs)
    if track:
        assert int(ours.num_batches_tracked) == 4
    ours.eval()
    reference.eval()
    x = randn(*SHAPES[dims])
    torch.testing.assert_close(ours(x), reference(x))
    if track:  # evaluation normalizes with the running estimates, not the batch
        shape = [1, 3] + [1] * (x.dim() - 2)
        expected = (x - reference.running_mean.view(shape)) / torch.sqrt(
            reference.running_var.view(shape) + 1e-5
        )
        torch.testing.assert_close(ours(x), expected)
        assert not torch.allclose(ours(x), F.batch_norm(x, None, None, training=True))


def test_batch_norm_momentum_none_is_the_average_of_the_batch_statistics():
    torch.manual_seed(0)
    ours = BatchNorm(2, momentum=None, dtype=F64)
    batches = [randn(5, 2) * (i + 1) + i for i in range(3)]
    for x in batches:
        ours(x)
    torch.testing.assert_close(ours.running_mean, torch.stack([b.mean(0) for b in batches]).mean(0))
    torch.testing.assert_close(ours.running_var, torch.stack([b.var(0) for b in batches]).mean(0))


def test_batch_norm_module_gradients_match_torch():
    torch.manual_seed(0)
    reference = nn.BatchNorm2d(3).double()
    ours = BatchNorm(3, dtype=F64)
    x = randn(2, 3, 4, 4, requires_grad=True)
    assert_same_gradients(ours(x), reference(x), [x])
    upstream = randn(2, 3, 4, 4)
    ours(x).backward(upstream)
    reference(x).backward(upstream)
    torch.testing.assert_close(ours.weight.grad, reference.weight.grad)
    torch.testing.assert_close(ours.bias.grad, reference.bias.grad)


@pytest.mark.parametrize("dims", [1, 2, 3])
def test_lazy_batch_norm_infers_num_features_like_torch(dims):
    torch.manual_seed(0)
    reference = LAZY_BATCH_NORMS[dims]().double()
    ours = BatchNorm(None, input_dims=BN_INPUT_DIMS[dims], dtype=F64)
    assert ours.num_features is None and ours.running_mean is None
    x = randn(*SHAPES[dims])
    torch.testing.assert_close(ours(x), reference(x))
    assert type(reference) is BATCH_NORMS[dims] and ours.num_features == reference.num_features
    torch.testing.assert_close(ours.running_var, reference.running_var)


def test_batch_norm_needs_more_than_one_value_per_channel_in_training():
    ours, reference = BatchNorm(3), nn.BatchNorm1d(3)
    one = torch.randn(1, 3)
    for layer in (ours, reference):
        with pytest.raises(ValueError, match="more than 1 value per channel"):
            layer(one)
    torch.testing.assert_close(ours.eval()(one), reference.eval()(one))
    nn.BatchNorm2d(3)(torch.randn(1, 3, 2, 2))  # one image, four positions: allowed
    BatchNorm(3)(torch.randn(1, 3, 2, 2))


# --- synchronized batch normalization ------------------------------------------------------


@pytest.mark.parametrize("sizes", [[2, 3], [1, 1, 4], [5]], ids=str)
def test_sync_batch_norm_equals_batch_norm_of_the_global_batch(sizes):
    torch.manual_seed(0)
    chunks = [(randn(n, 3, 4) * 2 + n).requires_grad_() for n in sizes]
    weight, bias = randn(3, requires_grad=True), randn(3, requires_grad=True)
    mean, var = torch.zeros(3, dtype=F64), torch.ones(3, dtype=F64)
    reference = nn.SyncBatchNorm(3).double()  # no process group: the single-process fallback
    with torch.no_grad():
        reference.weight.copy_(weight)
        reference.bias.copy_(bias)
    ours = torch.cat(sync_batch_norm(chunks, mean, var, weight, bias))
    theirs = reference(torch.cat(chunks))
    assert_same_gradients(ours, theirs, chunks)
    torch.testing.assert_close(mean, reference.running_mean)
    torch.testing.assert_close(var, reference.running_var)
    assert torch.autograd.gradcheck(
        lambda *c: torch.cat(sync_batch_norm(list(c), None, None, weight, bias)), tuple(chunks)
    )


def test_sync_batch_norm_module_without_process_group_is_batch_norm():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(2, 3, 3), nn.BatchNorm2d(3), nn.ReLU())
    x = torch.randn(4, 2, 5, 5)
    expected = model(x)
    model[1].reset_running_stats()
    weight = model[1].weight
    converted = nn.SyncBatchNorm.convert_sync_batchnorm(model)
    assert type(converted[1]) is nn.SyncBatchNorm and converted[1].weight is weight
    assert not torch.distributed.is_initialized()
    torch.testing.assert_close(converted(x), expected)
    assert int(converted[1].num_batches_tracked) == 1


# --- instance normalization ----------------------------------------------------------------


@pytest.mark.parametrize("shape", [(3, 2, 5), (2, 3, 4, 3), (2, 2, 2, 3, 2)], ids=str)
@pytest.mark.parametrize("use_input_stats", [True, False], ids=["input-stats", "running-stats"])
def test_instance_norm_matches_torch(shape, use_input_stats):
    torch.manual_seed(0)
    c = shape[1]
    x = (randn(*shape) * 2 - 1).requires_grad_()
    weight, bias = randn(c, requires_grad=True), randn(c, requires_grad=True)
    ours_stats = [randn(c), randn(c).abs() + 0.5]
    torch_stats = [s.clone() for s in ours_stats]
    ours = instance_norm(x, *ours_stats, weight, bias, use_input_stats, momentum=0.2)
    theirs = F.instance_norm(x, *torch_stats, weight, bias, use_input_stats, momentum=0.2)
    assert_same_gradients(ours, theirs, [x, weight, bias])
    for mine, reference in zip(ours_stats, torch_stats, strict=True):
        torch.testing.assert_close(mine, reference)
    assert torch.autograd.gradcheck(
        lambda *t: instance_norm(*t, use_input_stats=True), (x, None, None, weight, bias)
    )


@pytest.mark.parametrize("dims", [1, 2, 3])
@pytest.mark.parametrize("momentum", [0.1, None], ids=["momentum-0.1", "momentum-None"])
@pytest.mark.parametrize(
    ("affine", "track"), [(False, False), (True, True), (False, True)], ids=["default", "", "track"]
)
def test_instance_norm_module_state_after_several_steps_then_eval(dims, momentum, affine, track):
    torch.manual_seed(dims)
    reference = INSTANCE_NORMS[dims](
        3, momentum=momentum, affine=affine, track_running_stats=track
    ).double()
    ours = InstanceNorm(
        3,
        momentum=momentum,
        affine=affine,
        track_running_stats=track,
        spatial_dims=dims,
        dtype=F64,
    )
    for step in range(3):
        x = randn(*SHAPES[dims]) * (step + 1) + step
        torch.testing.assert_close(ours(x), reference(x))
    if track:
        torch.testing.assert_close(ours.running_mean, reference.running_mean)
        torch.testing.assert_close(ours.running_var, reference.running_var)
        assert int(ours.num_batches_tracked) == int(reference.num_batches_tracked) == 0
        if momentum is None:  # torch passes momentum 0.0: the estimates never move
            assert torch.equal(reference.running_mean, torch.zeros(3, dtype=F64))
    ours.eval()
    reference.eval()
    x = randn(*SHAPES[dims])
    torch.testing.assert_close(ours(x), reference(x))
    torch.testing.assert_close(ours(x[0]), reference(x[0]))  # unbatched (C, *spatial)


@pytest.mark.parametrize("dims", [1, 2, 3])
def test_lazy_instance_norm_defaults_are_affine_and_tracking(dims):
    # The constructor of LazyInstanceNorm*d comes from _LazyNormBase: its defaults are
    # affine=True, track_running_stats=True, unlike InstanceNorm*d (the pages state this).
    lazy, eager = LAZY_INSTANCE_NORMS[dims](), INSTANCE_NORMS[dims](3)
    assert (lazy.affine, lazy.track_running_stats) == (True, True)
    assert (eager.affine, eager.track_running_stats) == (False, False)
    torch.manual_seed(0)
    ours = InstanceNorm(None, affine=True, track_running_stats=True, spatial_dims=dims, dtype=F64)
    lazy = lazy.double()
    x = randn(*SHAPES[dims]) + 3
    torch.testing.assert_close(ours(x), lazy(x))
    assert type(lazy) is INSTANCE_NORMS[dims]
    torch.testing.assert_close(ours.running_mean, lazy.running_mean)


# --- layer normalization and RMS normalization ---------------------------------------------


@pytest.mark.parametrize(
    ("shape", "normalized_shape"),
    [((4, 5), 5), ((2, 3, 5), (5,)), ((2, 3, 4), [3, 4]), ((2, 2, 3, 4), (2, 3, 4)), ((6,), 6)],
    ids=str,
)
@pytest.mark.parametrize("with_affine", [True, False], ids=["affine", "plain"])
def test_layer_norm_and_rms_norm_match_torch(shape, normalized_shape, with_affine):
    torch.manual_seed(0)
    x = (randn(*shape) * 2 + 1).requires_grad_()
    trailing = x.shape[
        x.dim() - (1 if isinstance(normalized_shape, int) else len(normalized_shape)) :
    ]
    weight = randn(*trailing, requires_grad=True) if with_affine else None
    bias = randn(*trailing, requires_grad=True) if with_affine else None
    inputs = [x, weight, bias] if with_affine else [x]
    ours = layer_norm(x, normalized_shape, weight, bias, eps=1e-4)
    theirs = F.layer_norm(x, tuple(trailing), weight, bias, eps=1e-4)
    assert_same_gradients(ours, theirs, inputs)
    assert torch.autograd.gradcheck(lambda *t: layer_norm(t[0], normalized_shape, *t[1:]), inputs)
    rms_inputs = [x, weight] if with_affine else [x]
    for eps in (None, 1e-3):
        ours = rms_norm(x, normalized_shape, weight, eps=eps)
        theirs = F.rms_norm(x, tuple(trailing), weight, eps=eps)
        assert_same_gradients(ours, theirs, rms_inputs)
    assert torch.autograd.gradcheck(lambda *t: rms_norm(t[0], normalized_shape, *t[1:]), rms_inputs)


def test_layer_norm_modules_match_torch_and_rms_norm_eps_defaults_to_machine_epsilon():
    torch.manual_seed(0)
    x = torch.randn(3, 4, 6) * 1e-3  # tiny values: the choice of eps shows
    layer = nn.LayerNorm([4, 6], bias=False)
    torch.testing.assert_close(layer(x), layer_norm(x, [4, 6], layer.weight))
    assert layer.bias is None and tuple(layer.weight.shape) == (4, 6)
    rms = nn.RMSNorm(6)
    assert rms.eps is None and [name for name, _ in rms.named_parameters()] == ["weight"]
    torch.testing.assert_close(rms(x), rms_norm(x, 6, rms.weight))
    expected = x / torch.sqrt((x * x).mean(-1, keepdim=True) + torch.finfo(torch.float32).eps)
    torch.testing.assert_close(rms(x), expected)


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16], ids=str)
def test_rms_norm_eps_none_of_half_inputs_is_the_float32_epsilon(dtype):
    # torch normalizes half inputs in float32; eps=None is then float32's epsilon, not the
    # input dtype's (9.8e-4 for float16, 7.8e-3 for bfloat16)
    x = torch.full((2, 4), 1e-3, dtype=dtype)  # mean square 1e-6: comparable to the epsilons
    default = F.rms_norm(x, (4,))
    assert default.dtype == dtype
    assert torch.equal(default, F.rms_norm(x, (4,), eps=torch.finfo(torch.float32).eps))
    assert not torch.allclose(default, F.rms_norm(x, (4,), eps=torch.finfo(dtype).eps))
    ours = rms_norm(x, 4)
    assert ours.dtype == dtype
    torch.testing.assert_close(ours, default)


def test_layer_norm_uses_no_other_example_and_no_mode():
    torch.manual_seed(0)
    layer = nn.LayerNorm(5)
    x = torch.randn(4, 5)
    alone = layer_norm(x[:1], 5, layer.weight, layer.bias)
    torch.testing.assert_close(layer(x)[:1], alone)
    torch.testing.assert_close(layer.eval()(x)[:1], alone)


# --- group normalization -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shape", "groups"), [((2, 6), 3), ((2, 6, 5), 2), ((3, 4, 3, 3), 4), ((2, 6, 2, 2, 3), 1)]
)
def test_group_norm_matches_torch(shape, groups):
    torch.manual_seed(0)
    x = (randn(*shape) * 3 + 1).requires_grad_()
    weight, bias = randn(shape[1], requires_grad=True), randn(shape[1], requires_grad=True)
    ours = group_norm(x, groups, weight, bias, eps=1e-4)
    theirs = F.group_norm(x, groups, weight, bias, eps=1e-4)
    assert_same_gradients(ours, theirs, [x, weight, bias])
    assert torch.autograd.gradcheck(lambda *t: group_norm(t[0], groups, *t[1:]), (x, weight, bias))
    module = nn.GroupNorm(groups, shape[1]).double()
    torch.testing.assert_close(group_norm(x, groups, module.weight, module.bias), module(x))


def test_group_norm_special_cases_are_layer_norm_and_instance_norm():
    torch.manual_seed(0)
    x = randn(2, 6, 3, 4)
    torch.testing.assert_close(group_norm(x, 1), layer_norm(x, (6, 3, 4)))
    torch.testing.assert_close(group_norm(x, 6), instance_norm(x))
    # independent of the batch: an example normalized alone gives the same result
    torch.testing.assert_close(group_norm(x, 3)[:1], group_norm(x[:1], 3))


# --- local response normalization ----------------------------------------------------------


@pytest.mark.parametrize("size", [1, 2, 3, 4, 5, 8])
@pytest.mark.parametrize("shape", [(2, 5, 3), (1, 6, 2, 3), (1, 4, 2, 1, 2)], ids=str)
def test_local_response_norm_matches_torch(size, shape):
    torch.manual_seed(0)
    x = randn(*shape, requires_grad=True)
    ours = local_response_norm(x, size, alpha=0.5, beta=0.6, k=1.5)
    theirs = F.local_response_norm(x, size, alpha=0.5, beta=0.6, k=1.5)
    assert_same_gradients(ours, theirs, [x])
    assert torch.autograd.gradcheck(lambda t: local_response_norm(t, size, 0.5, 0.6, 1.5), (x,))
    torch.testing.assert_close(nn.LocalResponseNorm(size, 0.5, 0.6, 1.5)(x), ours)


def test_local_response_norm_window_divides_by_size_and_pads_with_zeros():
    # one channel of ones among zeros: every channel whose window holds it sees 1/size
    x = torch.zeros(1, 5, 1, 1, dtype=F64)
    x[0, 2] = 1.0
    out = F.local_response_norm(x, 4, alpha=1.0, beta=1.0, k=0.0)
    assert out[0, 2, 0, 0].item() == pytest.approx(4.0)  # 1 / (1/4 * 1)
    assert lrn_window(5, 4)[2].tolist() == [1, 1, 1, 1, 0]  # channels c-2 .. c+1
    # channels 0 and 1 see no energy at all: 0 / 0 is nan in both
    torch.testing.assert_close(local_response_norm(x, 4, 1.0, 1.0, 0.0), out, equal_nan=True)


@pytest.mark.parametrize("size", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("channels", [1, 2, 3, 7])
def test_cross_map_lrn2d_forward_matches_torch(size, channels):
    torch.manual_seed(0)
    x = randn(2, channels, 3, 2, requires_grad=True)
    torch.testing.assert_close(
        cross_map_lrn2d(x, size, 0.5, 0.75, 1.0), nn.CrossMapLRN2d(size, 0.5, 0.75, 1.0)(x)
    )
    assert torch.autograd.gradcheck(lambda t: cross_map_lrn2d(t, size, 0.5, 0.75, 1.0), (x,))


def test_cross_map_lrn2d_differs_from_local_response_norm_by_channel_zero():
    torch.manual_seed(0)
    x = torch.randn(2, 6, 3, 3)
    legacy, modern = nn.CrossMapLRN2d(3, alpha=1.0)(x), nn.LocalResponseNorm(3, alpha=1.0)(x)
    same = [torch.allclose(legacy[:, c], modern[:, c]) for c in range(6)]
    assert same == [True, True, False, False, False, False]
    x[:, 0] = 0  # without channel 0's energy the two windows coincide
    torch.testing.assert_close(nn.CrossMapLRN2d(3, alpha=1.0)(x), nn.LocalResponseNorm(3, 1.0)(x))
    with pytest.raises(ValueError, match="4D"):
        nn.CrossMapLRN2d(3)(torch.randn(2, 6, 3))


def test_cross_map_lrn2d_backward_is_not_the_gradient_of_its_forward():
    # Documented on the page: torch's hand-written backward disagrees with its own forward.
    torch.manual_seed(0)
    x = randn(1, 4, 2, 2, requires_grad=True)
    layer = nn.CrossMapLRN2d(3, alpha=0.5)
    assert not torch.autograd.gradcheck(layer, (x,), raise_exception=False)
    upstream = randn(1, 4, 2, 2)
    (theirs,) = torch.autograd.grad(layer(x), x, upstream)
    (ours,) = torch.autograd.grad(cross_map_lrn2d(x, 3, alpha=0.5), x, upstream)
    assert not torch.allclose(ours, theirs)


# --- shapes and invariants over random configurations --------------------------------------

SMALL = st.integers(min_value=1, max_value=4)


@settings(max_examples=40)
@given(n=st.integers(2, 4), c=SMALL, spatial=st.lists(st.integers(1, 3), max_size=3))
def test_every_normalization_keeps_the_shape_and_centres_its_groups(n, c, spatial):
    x = torch.randn(n, c, *spatial, dtype=F64) * 3 + 2
    reduce_bn = [0, *range(2, x.dim())]
    y = batch_norm(x, None, None, training=True)
    assert y.shape == x.shape
    torch.testing.assert_close(y.mean(reduce_bn), torch.zeros(c, dtype=F64))
    y = layer_norm(x, x.shape[1:])
    assert y.shape == x.shape
    torch.testing.assert_close(y.flatten(1).mean(1), torch.zeros(n, dtype=F64))
    assert group_norm(x, 1).shape == x.shape == rms_norm(x, x.shape[-1]).shape
    if spatial and x[0, 0].numel() > 1:
        y = instance_norm(x)
        torch.testing.assert_close(y.flatten(2).mean(2), torch.zeros(n, c, dtype=F64))
    if spatial:
        assert local_response_norm(x, c + 1).shape == x.shape


@settings(max_examples=30)
@given(
    n=st.integers(1, 3),
    groups=SMALL,
    per_group=SMALL,
    spatial=st.lists(st.integers(1, 3), min_size=1, max_size=2),
)
def test_group_norm_shape_and_group_statistics(n, groups, per_group, spatial):
    c = groups * per_group
    x = torch.randn(n, c, *spatial, dtype=F64) + 5
    y = group_norm(x, groups)
    assert y.shape == x.shape
    if per_group * x[0, 0].numel() > 1:
        grouped = y.reshape(n, groups, -1)
        torch.testing.assert_close(grouped.mean(-1), torch.zeros(n, groups, dtype=F64))
        torch.testing.assert_close(F.group_norm(x, groups), y)


@settings(max_examples=30)
@given(size=st.integers(1, 7), c=st.integers(1, 7))
def test_lrn_windows_have_the_documented_extent(size, c):
    window = lrn_window(c, size)
    for channel in range(c):
        expected = [int(channel - size // 2 <= j <= channel + (size - 1) // 2) for j in range(c)]
        assert window[channel].tolist() == expected
    cross = lrn_window(c, size, cross_map=True)
    assert cross[:, 0].tolist() == [1] * c  # the legacy window always holds channel 0


# --- argument errors name the argument -----------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: batch_norm([1.0], None, None, training=True), TypeError, "input"),
        (lambda: batch_norm(torch.ones(3, dtype=torch.long), None, None), TypeError, "input"),
        (lambda: batch_norm(torch.randn(3), None, None, training=True), ValueError, "input"),
        (lambda: batch_norm(torch.randn(4, 3), torch.zeros(2), None), ValueError, "running_mean"),
        (lambda: batch_norm(torch.randn(4, 3), None, None, torch.ones(2)), ValueError, "weight"),
        (lambda: batch_norm(torch.randn(4, 3), None, None), ValueError, "running_mean"),
        (lambda: batch_norm(torch.randn(4, 3), None, None, momentum=2.0), ValueError, "momentum"),
        (lambda: batch_norm(torch.randn(4, 3), None, None, eps=-1.0), ValueError, "eps"),
        (lambda: BatchNorm(0), ValueError, "num_features"),
        (lambda: BatchNorm(2.5), TypeError, "num_features"),
        (lambda: BatchNorm(3, momentum="fast"), TypeError, "momentum"),
        (lambda: BatchNorm(3)(torch.randn(4, 2)), ValueError, "num_features=3"),
        (lambda: BatchNorm(3, input_dims=(4,))(torch.randn(4, 3)), ValueError, "4-D"),
        (lambda: sync_batch_norm(torch.randn(4, 3), None, None), TypeError, "local_inputs"),
        (
            lambda: sync_batch_norm([torch.randn(2, 3), torch.randn(2, 4)], None, None),
            ValueError,
            r"local_inputs\[1\]",
        ),
        (lambda: instance_norm(torch.randn(4, 3)), ValueError, "input"),
        (lambda: instance_norm(torch.randn(2, 3, 1)), ValueError, "spatial element"),
        (lambda: instance_norm(torch.randn(2, 3, 4), use_input_stats=False), ValueError, "running"),
        (lambda: InstanceNorm(3, spatial_dims=4), ValueError, "spatial_dims"),
        (lambda: InstanceNorm(3, spatial_dims=2)(torch.randn(2, 3)), ValueError, "4-D"),
        (lambda: InstanceNorm(3, affine=True)(torch.randn(2, 4, 3, 3)), ValueError, "num_features"),
        (lambda: layer_norm(torch.randn(2, 3), 4), ValueError, "normalized_shape"),
        (lambda: layer_norm(torch.randn(2, 3), "3"), TypeError, "normalized_shape"),
        (lambda: layer_norm(torch.randn(2, 3), [0]), ValueError, "normalized_shape"),
        (lambda: layer_norm(torch.randn(2, 3), 3, torch.ones(2)), ValueError, "weight"),
        (lambda: rms_norm(torch.randn(2, 3), 3, eps=-0.1), ValueError, "eps"),
        (lambda: group_norm(torch.randn(2, 6, 3), 4), ValueError, "num_groups"),
        (lambda: group_norm(torch.randn(2, 6, 3), 0), ValueError, "num_groups"),
        (lambda: group_norm(torch.randn(2, 6, 3), 3, torch.ones(3)), ValueError, "weight"),
        (lambda: local_response_norm(torch.randn(2, 3), 2), ValueError, "input"),
        (lambda: local_response_norm(torch.randn(2, 3, 4), 0), ValueError, "size"),
        (lambda: local_response_norm(torch.randn(2, 3, 4), 2, alpha="x"), TypeError, "alpha"),
        (lambda: cross_map_lrn2d(torch.randn(2, 3, 4), 3), ValueError, "4-D"),
    ],
)
def test_bad_arguments_raise_errors_naming_them(call, error, match):
    with pytest.raises(error, match=match):
        call()
