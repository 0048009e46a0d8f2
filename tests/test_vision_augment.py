"""nnref.vision.augment and nnref.vision.transfer: augmentations keep shape and dtype and are
reproducible with a generator; freezing stops gradients and updates; parameter groups carry the
learning rates they state."""

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.vision.augment import (
    cutout,
    gaussian_noise,
    mixup,
    random_brightness,
    random_crop,
    random_hflip,
    random_rotation,
    random_shift,
    shift,
)
from nnref.vision.transfer import (
    batchnorm_eval,
    count_trainable,
    freeze,
    param_groups,
    unfreeze,
)


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    old = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(old)


def batch(dtype=torch.float32):
    return torch.rand(6, 2, 8, 8, generator=torch.Generator().manual_seed(3)).to(dtype)


AUGMENTATIONS = {
    "hflip": lambda x, g: random_hflip(x, generator=g),
    "shift": lambda x, g: random_shift(x, 2, generator=g),
    "crop": lambda x, g: random_crop(x, 8, padding=1, generator=g),
    "rotation": lambda x, g: random_rotation(x, 15.0, generator=g),
    "brightness": lambda x, g: random_brightness(x, 0.3, generator=g),
    "noise": lambda x, g: gaussian_noise(x, 0.1, generator=g),
    "cutout": lambda x, g: cutout(x, 3, generator=g),
}


@pytest.mark.parametrize("name", AUGMENTATIONS)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_shape_dtype_and_reproducibility(name, dtype):
    augment = AUGMENTATIONS[name]
    x = batch(dtype)
    first = augment(x, torch.Generator().manual_seed(0))
    again = augment(x, torch.Generator().manual_seed(0))
    other = augment(x, torch.Generator().manual_seed(1))
    assert first.shape == x.shape and first.dtype == dtype
    assert torch.equal(first, again)
    assert not torch.equal(first, other)
    assert not torch.equal(first, x)


def zero_filled_roll(x, dy, dx):
    rolled = torch.roll(x, shifts=(dy, dx), dims=(-2, -1))
    h, w = x.shape[-2:]
    rows = torch.arange(h).view(h, 1)
    cols = torch.arange(w).view(1, w)
    wrapped = (rows < dy) | (rows >= h + dy) | (cols < dx) | (cols >= w + dx)
    return rolled.masked_fill(wrapped, 0.0)


@settings(max_examples=40)
@given(st.integers(-9, 9), st.integers(-9, 9))
def test_shift_is_roll_with_zero_fill(dy, dx):
    x = batch()
    torch.testing.assert_close(shift(x, dy, dx), zero_filled_roll(x, dy, dx), rtol=0, atol=0)


def test_random_shift_moves_each_image_by_a_shift_in_range():
    x = batch()
    out = random_shift(x, 1, generator=torch.Generator().manual_seed(0))
    moves = set()
    for image, result in zip(x, out, strict=True):
        found = [
            (dy, dx)
            for dy in (-1, 0, 1)
            for dx in (-1, 0, 1)
            if torch.equal(shift(image[None], dy, dx)[0], result)
        ]
        assert found
        moves.add(found[0])
    assert len(moves) > 1


def test_random_crop_is_a_window_of_the_padded_image():
    x = batch()
    out = random_crop(x, 5, padding=1, generator=torch.Generator().manual_seed(0))
    assert out.shape == (6, 2, 5, 5)
    padded = nn.functional.pad(x, (1, 1, 1, 1))
    for image, crop in zip(padded, out, strict=True):
        assert any(
            torch.equal(image[:, t : t + 5, s : s + 5], crop) for t in range(6) for s in range(6)
        )


def test_flip_probability_extremes_and_rotation_zero():
    x = batch()
    g = torch.Generator().manual_seed(0)
    assert torch.equal(random_hflip(x, p=1.0, generator=g), torch.flip(x, dims=[-1]))
    assert torch.equal(random_hflip(x, p=0.0, generator=g), x)
    torch.testing.assert_close(random_rotation(x, 0.0, generator=g), x)
    rotated = random_rotation(x.double(), 90.0, generator=g)
    assert rotated.dtype == torch.float64


def test_cutout_zeroes_at_most_a_square_and_noise_has_its_std():
    x = batch() + 1  # no zeros before
    out = cutout(x, 3, generator=torch.Generator().manual_seed(0))
    zeros = (out == 0).sum(dim=(1, 2, 3))
    assert (zeros <= 2 * 9).all() and (zeros > 0).all()
    big = torch.zeros(4, 1, 64, 64)
    noise = gaussian_noise(big, 0.5, generator=torch.Generator().manual_seed(0))
    assert abs(noise.std().item() - 0.5) < 0.01


def test_mixup_blends_images_and_targets_alike():
    x = batch()
    targets = nn.functional.one_hot(torch.arange(6) % 3, 3).float()
    mixed_x, mixed_y = mixup(x, targets, 0.7, generator=torch.Generator().manual_seed(0))
    partner = torch.randperm(6, generator=torch.Generator().manual_seed(0))
    torch.testing.assert_close(mixed_x, 0.7 * x + 0.3 * x[partner])
    torch.testing.assert_close(mixed_y.sum(1), torch.ones(6))
    same_x, same_y = mixup(x, targets, 1.0, generator=torch.Generator().manual_seed(0))
    assert torch.equal(same_x, x) and torch.equal(same_y, targets)


def test_augment_rejects_bad_arguments():
    g = torch.Generator()
    with pytest.raises(ValueError, match="images"):
        random_hflip(torch.zeros(8, 8), generator=g)
    with pytest.raises(TypeError, match="images"):
        random_hflip(torch.zeros(1, 1, 8, 8, dtype=torch.long), generator=g)
    with pytest.raises(TypeError, match="generator"):
        random_shift(batch(), 1, generator=0)
    with pytest.raises(ValueError, match="p must"):
        random_hflip(batch(), p=2.0, generator=g)
    with pytest.raises(ValueError, match="size"):
        random_crop(batch(), 11, padding=1, generator=g)
    with pytest.raises(ValueError, match="lam"):
        mixup(batch(), torch.zeros(6, 3), 1.5, generator=g)
    with pytest.raises(ValueError, match="max_shift"):
        random_shift(batch(), -1, generator=g)


# ---------------------------------------------------------------- transfer


def network():
    torch.manual_seed(0)
    backbone = nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1),
        nn.BatchNorm2d(4),
        nn.ReLU(),
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
    )
    head = nn.Linear(4, 3)
    return backbone, head


def test_frozen_parameters_get_no_gradient_and_do_not_move():
    backbone, head = network()
    freeze(backbone)
    before = [p.detach().clone() for p in backbone.parameters()]
    head_before = head.weight.detach().clone()
    optimizer = torch.optim.SGD([*backbone.parameters(), *head.parameters()], lr=0.5)
    x, y = torch.randn(8, 1, 6, 6), torch.tensor([0, 1, 2, 0, 1, 2, 0, 1])
    nn.functional.cross_entropy(head(backbone(x)), y).backward()
    assert all(p.grad is None for p in backbone.parameters())
    assert all(p.grad is not None for p in head.parameters())
    optimizer.step()
    assert all(torch.equal(a, b) for a, b in zip(before, backbone.parameters(), strict=True))
    assert not torch.equal(head_before, head.weight)


def test_freeze_matches_requires_grad_and_counts():
    ours, head = network()
    theirs, _ = network()
    freeze(ours)
    theirs.requires_grad_(False)
    assert (
        [p.requires_grad for p in ours.parameters()]
        == [p.requires_grad for p in theirs.parameters()]
        == [False] * 4
    )
    assert count_trainable(ours) == 0 and count_trainable(head) == 15
    unfreeze(ours)
    assert count_trainable(ours) == 4 * 9 + 4 + 8


def test_batchnorm_eval_keeps_running_statistics():
    backbone, _ = network()
    freeze(backbone)
    backbone.train()
    assert batchnorm_eval(backbone) == 1
    norm = backbone[1]
    mean = norm.running_mean.clone()
    backbone(torch.randn(8, 1, 6, 6) + 3)
    assert torch.equal(norm.running_mean, mean)
    backbone.train()  # train() switches it back: the statistics drift again
    backbone(torch.randn(8, 1, 6, 6) + 3)
    assert not torch.equal(norm.running_mean, mean)


def test_param_groups_have_the_stated_learning_rates():
    backbone, head = network()
    groups = param_groups(backbone, head, lr=1e-2, backbone_factor=0.1)
    optimizer = torch.optim.Adam(groups)
    assert [g["lr"] for g in optimizer.param_groups] == [pytest.approx(1e-3), 1e-2]
    assert [len(g["params"]) for g in optimizer.param_groups] == [4, 2]
    freeze(backbone)
    assert param_groups(backbone, head, lr=1e-2)[0]["params"] == []
    with pytest.raises(ValueError, match="lr"):
        param_groups(backbone, head, lr=0)
    with pytest.raises(ValueError, match="backbone_factor"):
        param_groups(backbone, head, lr=1e-2, backbone_factor=2)
    with pytest.raises(ValueError, match="share"):
        param_groups(head, head, lr=1e-2)
    with pytest.raises(TypeError, match="module"):
        freeze([head])
