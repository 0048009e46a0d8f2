"""nnref.training.early_stopping and nnref.training.cross_validation."""

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.model_selection import GroupKFold, KFold, StratifiedKFold, TimeSeriesSplit
from torch import nn

from nnref.training.cross_validation import Standardizer, cross_validate
from nnref.training.early_stopping import EarlyStopping


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    old = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(old)


def run(values, **kwargs):
    """Feed values until the stopper says stop; return (stop epoch or None, best epoch)."""
    stopper = EarlyStopping(**kwargs)
    for epoch, value in enumerate(values):
        if stopper.step(value):
            return epoch, stopper.best_epoch
    return None, stopper.best_epoch


@pytest.mark.parametrize(
    ("values", "kwargs", "stop", "best"),
    [
        ([1.0, 0.8, 0.9, 0.85, 0.95], dict(patience=3), 4, 1),
        ([1.0, 0.8, 0.9, 0.85, 0.95], dict(patience=0), 2, 1),
        ([1.0, 0.8, 0.8, 0.8], dict(patience=2), 3, 1),  # ties are no improvement
        ([1.0, 0.9, 0.87, 0.86], dict(patience=2, min_delta=0.05), 3, 1),  # 0.87: only 0.03
        ([1.0, 0.9, 0.8, 0.7], dict(patience=1), None, 3),
        ([0.5, 0.6, 0.6, 0.55], dict(patience=2, mode="max"), 3, 1),
        ([0.5, 0.52, 0.53], dict(patience=2, mode="max", min_delta=0.05), 2, 0),
    ],
)
def test_stopping_epochs(values, kwargs, stop, best):
    assert run(values, **kwargs) == (stop, best)


def test_min_delta_boundary_is_not_an_improvement():
    stopper = EarlyStopping(patience=1, min_delta=0.25)
    stopper.step(1.0)
    assert not stopper.is_improvement(0.75)  # exactly min_delta: not an improvement
    assert stopper.is_improvement(0.74)


@settings(max_examples=40)
@given(
    values=st.lists(st.floats(0, 10, allow_nan=False), min_size=1, max_size=30),
    patience=st.integers(0, 5),
)
def test_stop_comes_patience_epochs_after_the_best(values, patience):
    stop, best = run(values, patience=patience)
    if stop is None:
        assert len(values) - 1 - best < max(patience, 1)
    else:
        assert stop - best == max(patience, 1)
        assert values[best] == min(values[: stop + 1])
        assert values.index(values[best]) == best  # the earliest of equal values


def test_restored_weights_are_the_best_epochs():
    model = nn.Linear(2, 1)
    stopper = EarlyStopping(patience=2)
    snapshots = []
    for epoch, value in enumerate([3.0, 1.0, 2.0, 2.5]):
        with torch.no_grad():
            model.weight.fill_(float(epoch))
        snapshots.append(model.weight.clone())
        stop = stopper.step(value, model)
    assert stop and stopper.best_epoch == 1
    stopper.restore(model)
    assert torch.equal(model.weight, snapshots[1])
    assert stopper.best_state["weight"] is not model.weight  # a copy, not a reference


def test_early_stopping_errors():
    for kwargs, error, match in [
        (dict(patience=-1), ValueError, "patience"),
        (dict(patience=1.5), TypeError, "patience"),
        (dict(min_delta=-0.1), ValueError, "min_delta"),
        (dict(mode="auto"), ValueError, "mode"),
    ]:
        with pytest.raises(error, match=match):
            EarlyStopping(**kwargs)
    with pytest.raises(RuntimeError, match="step"):
        EarlyStopping().restore(nn.Linear(1, 1))
    with pytest.raises(ValueError, match="NaN"):
        EarlyStopping().step(float("nan"))


# cross-validation


def _problem(n=40):
    g = torch.Generator().manual_seed(0)
    x = torch.randn(n, 3, generator=g) * torch.tensor([1.0, 10.0, 100.0]) + 5.0
    y = (x[:, 0] > 5.0).long()
    return x, y


def _make_model(fold):
    torch.manual_seed(fold)
    return nn.Linear(3, 2)


CALLS = []


def _counting_model(fold):
    CALLS.append(fold)
    return _make_model(fold)


def _sgd(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


@pytest.mark.parametrize(
    "splitter",
    [
        KFold(5),
        KFold(4, shuffle=True, random_state=0),
        StratifiedKFold(4, shuffle=True, random_state=1),
    ],
    ids=["kfold", "kfold-shuffled", "stratified"],
)
def test_every_sample_is_validated_exactly_once_and_scaler_uses_the_training_fold(splitter):
    x, y = _problem()
    CALLS.clear()
    result = cross_validate(
        _counting_model, _sgd, x, y, splitter, nn.CrossEntropyLoss(), epochs=2, batch_size=8
    )
    k = splitter.get_n_splits()
    assert list(range(k)) == CALLS  # a fresh model per fold
    assert len(result.scores) == k
    counts = np.zeros(len(x), dtype=int)
    for (train, val), scaler in zip(result.folds, result.standardizers, strict=True):
        assert not set(train) & set(val)
        assert len(train) + len(val) == len(x)
        counts[val] += 1
        torch.testing.assert_close(scaler.mean, x[train].mean(0))
        torch.testing.assert_close(scaler.std, x[train].std(0, unbiased=False))
        assert not torch.allclose(scaler.mean, x.mean(0))  # not the whole data's statistics
    assert (counts == 1).all()
    assert result.mean == pytest.approx(np.mean(result.scores))
    assert result.std == pytest.approx(np.std(result.scores))


def test_stratified_folds_keep_the_class_ratio():
    x, y = _problem()
    result = cross_validate(
        _make_model, _sgd, x, y, StratifiedKFold(4), nn.CrossEntropyLoss(), epochs=1
    )
    share = y.float().mean().item()
    for _, val in result.folds:
        assert abs(y[val].float().mean().item() - share) <= 1 / len(val)


def test_group_and_time_series_splits():
    x, y = _problem(24)
    groups = np.repeat(np.arange(6), 4)
    result = cross_validate(
        _make_model, _sgd, x, y, GroupKFold(3), nn.CrossEntropyLoss(), epochs=1, groups=groups
    )
    for train, val in result.folds:
        assert not set(groups[train]) & set(groups[val])
    result = cross_validate(
        _make_model, _sgd, x, y, TimeSeriesSplit(3), nn.CrossEntropyLoss(), epochs=1
    )
    for train, val in result.folds:
        assert train.max() < val.min()  # the past predicts the future


def test_splitter_defaults_stated_on_the_page():
    # KFold and StratifiedKFold do not shuffle by default: KFold's folds are consecutive blocks.
    assert KFold().shuffle is False and StratifiedKFold().shuffle is False
    assert [list(val) for _, val in KFold(3).split(np.zeros(10))] == [
        [0, 1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
    ]
    # TimeSeriesSplit(k): the last k blocks of n // (k + 1) examples, trained on all before.
    n, k = 23, 4
    folds = list(TimeSeriesSplit(k).split(np.zeros(n)))
    size = n // (k + 1)
    for j, (train, val) in enumerate(folds):
        start = n - (k - j) * size
        assert list(val) == list(range(start, start + size))
        assert list(train) == list(range(start))


def test_cross_validation_is_reproducible_and_scores_a_metric():
    x, y = _problem()
    accuracy = lambda out, t: (out.argmax(1) == t).float().mean()  # noqa: E731
    a = cross_validate(
        _make_model, _sgd, x, y, KFold(4), nn.CrossEntropyLoss(), epochs=3, metric=accuracy
    )
    b = cross_validate(
        _make_model, _sgd, x, y, KFold(4), nn.CrossEntropyLoss(), epochs=3, metric=accuracy
    )
    assert a.scores == b.scores
    assert all(0 <= s <= 1 for s in a.scores)


def test_standardizer_and_errors():
    x = torch.tensor([[1.0, 2.0], [3.0, 2.0]])
    scaler = Standardizer().fit(x)
    torch.testing.assert_close(scaler(x), torch.tensor([[-1.0, 0.0], [1.0, 0.0]]))
    with pytest.raises(RuntimeError, match="fit"):
        Standardizer()(x)
    with pytest.raises(ValueError, match="x"):
        Standardizer().fit(torch.zeros(3))
    x, y = _problem()
    with pytest.raises(ValueError, match="same length"):
        cross_validate(_make_model, _sgd, x, y[:5], KFold(2), nn.MSELoss(), epochs=1)
    with pytest.raises(TypeError, match="splitter"):
        cross_validate(_make_model, _sgd, x, y, 5, nn.MSELoss(), epochs=1)
    with pytest.raises(ValueError, match="epochs"):
        cross_validate(_make_model, _sgd, x, y, KFold(2), nn.MSELoss(), epochs=0)
