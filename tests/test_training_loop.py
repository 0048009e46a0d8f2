"""nnref.training.loop: the canonical loop, evaluation without side effects, fit's history."""

import io

import pytest
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from nnref.training.early_stopping import EarlyStopping
from nnref.training.loop import History, evaluate, fit, train_one_epoch


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    old = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(old)


def _data(n=60, seed=0):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 4, generator=g)
    y = (x[:, 0] + x[:, 1] > 0).long()
    return TensorDataset(x, y)


def _model(seed=0, batch_norm=True, dropout=0.0):
    torch.manual_seed(seed)
    layers = [nn.Linear(4, 8)]
    if batch_norm:
        layers.append(nn.BatchNorm1d(8))
    layers += [nn.ReLU(), nn.Dropout(dropout), nn.Linear(8, 2)]
    return nn.Sequential(*layers)


def _loaders(seed=1):
    train = DataLoader(
        _data(), batch_size=16, shuffle=True, generator=torch.Generator().manual_seed(seed)
    )
    val = DataLoader(_data(30, seed=5), batch_size=7)
    return train, val


def test_fit_gives_exactly_the_parameters_of_the_hand_written_loop():
    loss_fn = nn.CrossEntropyLoss()
    # hand-written canonical loop
    model_a = _model(dropout=0.2)
    opt_a = torch.optim.SGD(model_a.parameters(), lr=0.1, momentum=0.9)
    sched_a = torch.optim.lr_scheduler.StepLR(opt_a, step_size=2, gamma=0.5)
    train, val = _loaders()
    torch.manual_seed(7)
    val_losses = []
    for _ in range(5):
        model_a.train()
        for x, y in train:
            opt_a.zero_grad()
            loss = loss_fn(model_a(x), y)
            loss.backward()
            opt_a.step()
        model_a.eval()
        with torch.no_grad():
            total = sum(loss_fn(model_a(x), y).item() * len(x) for x, y in val)
        val_losses.append(total / 30)
        sched_a.step()
    # fit
    model_b = _model(dropout=0.2)
    opt_b = torch.optim.SGD(model_b.parameters(), lr=0.1, momentum=0.9)
    sched_b = torch.optim.lr_scheduler.StepLR(opt_b, step_size=2, gamma=0.5)
    train, val = _loaders()
    torch.manual_seed(7)
    history = fit(model_b, train, loss_fn, opt_b, 5, val_loader=val, scheduler=sched_b)
    for (name, a), b in zip(
        model_a.state_dict().items(), model_b.state_dict().values(), strict=True
    ):
        assert torch.equal(a, b), name
    assert history.val_loss == pytest.approx(val_losses, rel=1e-12)
    assert history.lr == [0.1, 0.1, 0.05, 0.05, 0.025]
    assert history.epochs == len(history.train_loss) == 5
    assert history.best_epoch is None and history.stopped_epoch is None


def test_training_loss_is_the_example_weighted_mean_of_batch_losses():
    model = _model(batch_norm=False)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.0)  # weights never change
    train = DataLoader(_data(), batch_size=16)  # batches 16, 16, 16, 12
    loss_fn = nn.CrossEntropyLoss()
    mean = train_one_epoch(model, train, loss_fn, optimizer)
    with torch.no_grad():
        full = loss_fn(model(_data().tensors[0]), _data().tensors[1]).item()
    assert mean == pytest.approx(full, rel=1e-6)
    assert evaluate(model, train, loss_fn) == pytest.approx(full, rel=1e-6)


@pytest.mark.parametrize("training", [True, False])
def test_evaluate_changes_nothing_and_restores_the_mode(training):
    model = _model(dropout=0.5)
    model.train(training)
    before = {k: v.clone() for k, v in model.state_dict().items()}
    _, val = _loaders()
    first = evaluate(model, val, nn.CrossEntropyLoss())
    second = evaluate(model, val, nn.CrossEntropyLoss())
    assert first == second  # dropout was off: deterministic
    assert model.training is training
    assert all(m.training is training for m in model.modules())
    for key, value in model.state_dict().items():
        assert torch.equal(value, before[key]), key  # running_mean, num_batches_tracked too
    assert all(p.grad is None for p in model.parameters())


def test_evaluate_metric_and_the_bn_symptom_in_train_mode():
    model = _model()
    _, val = _loaders()
    accuracy = evaluate(
        model, val, nn.CrossEntropyLoss(), metric=lambda out, y: (out.argmax(1) == y).float().mean()
    )
    assert 0.0 <= accuracy <= 1.0
    # the mistake evaluate avoids: a forward pass in train mode moves the running statistics
    before = model[1].running_mean.clone()
    with torch.no_grad():
        model.train()
        model(next(iter(val))[0])
    assert not torch.equal(model[1].running_mean, before)


def test_train_one_epoch_leaves_training_mode_and_updates():
    model = _model()
    model.eval()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    before = model[0].weight.clone()
    train, _ = _loaders()
    train_one_epoch(model, train, nn.CrossEntropyLoss(), optimizer)
    assert model.training
    assert not torch.equal(model[0].weight, before)


def test_fit_loss_decreases():
    model = _model()
    train, val = _loaders()
    history = fit(
        model,
        train,
        nn.CrossEntropyLoss(),
        torch.optim.Adam(model.parameters(), lr=0.01),
        15,
        val_loader=val,
    )
    assert history.train_loss[-1] < history.train_loss[0]
    assert history.val_loss[-1] < history.val_loss[0]


def test_fit_with_early_stopping_stops_and_restores_the_best_epoch():
    model = _model()
    train, val = _loaders()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    stopper = EarlyStopping(patience=2, min_delta=0.05)
    history = fit(
        model, train, nn.CrossEntropyLoss(), optimizer, 100, val_loader=val, early_stopping=stopper
    )
    assert history.stopped_epoch == history.epochs - 1 == history.best_epoch + 2
    best = history.val_loss[history.best_epoch]
    assert evaluate(model, val, nn.CrossEntropyLoss()) == pytest.approx(best, rel=1e-12)


def test_fit_steps_reduce_lr_on_plateau_with_the_validation_loss():
    model = _model()
    train, val = _loaders()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.0)  # loss constant: a plateau
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience=1)
    history = fit(
        model, train, nn.CrossEntropyLoss(), optimizer, 4, val_loader=val, scheduler=scheduler
    )
    assert history.lr == [0.0] * 4
    assert scheduler.num_bad_epochs > 0


def test_checkpoint_round_trip_resumes_identically():
    loss_fn = nn.CrossEntropyLoss()
    model = _model()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    train, _ = _loaders()
    train_one_epoch(model, train, loss_fn, optimizer)
    buffer = io.BytesIO()
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict()}, buffer)
    buffer.seek(0)
    checkpoint = torch.load(buffer)  # weights_only=True by default
    clone = _model(seed=9)
    clone_opt = torch.optim.Adam(clone.parameters(), lr=0.01)
    clone.load_state_dict(checkpoint["model"])
    clone_opt.load_state_dict(checkpoint["optimizer"])
    batch = next(iter(DataLoader(_data(), batch_size=16)))
    for m, o in ((model, optimizer), (clone, clone_opt)):
        o.zero_grad()
        loss_fn(m(batch[0]), batch[1]).backward()
        o.step()
    for a, b in zip(model.parameters(), clone.parameters(), strict=True):
        assert torch.equal(a, b)


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda m, o, t, v: fit(m, t, nn.MSELoss(), o, 0), ValueError, "epochs"),
        (lambda m, o, t, v: fit(m, t, nn.MSELoss(), o, 2.0), TypeError, "epochs"),
        (lambda m, o, t, v: fit("m", t, nn.MSELoss(), o, 1), TypeError, "model"),
        (lambda m, o, t, v: fit(m, t, 3, o, 1), TypeError, "loss_fn"),
        (
            lambda m, o, t, v: fit(m, t, nn.MSELoss(), o, 1, early_stopping=EarlyStopping()),
            ValueError,
            "val_loader",
        ),
        (lambda m, o, t, v: train_one_epoch(m, t, nn.MSELoss(), "sgd"), TypeError, "optimizer"),
        (lambda m, o, t, v: evaluate(m, [], nn.MSELoss()), ValueError, "loader"),
    ],
)
def test_bad_arguments(call, error, match):
    model = _model()
    train, val = _loaders()
    with pytest.raises(error, match=match):
        call(model, torch.optim.SGD(model.parameters(), lr=0.1), train, val)


def test_history_defaults():
    assert History().epochs == 0
