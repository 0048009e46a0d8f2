"""Batch normalization: per-channel statistics over the batch and every spatial position.

``y = (x - mean) / sqrt(var + eps) * weight + bias``, where in training ``mean`` and ``var``
(biased) are computed over every axis except the channel axis 1 of an ``(N, C, *)`` input,
and in evaluation the running estimates are used instead. The running estimates follow
``running = (1 - momentum) * running + momentum * batch_statistic`` with the *unbiased*
batch variance, or a cumulative average when ``momentum`` is ``None``.
"""

from collections.abc import Sequence

import torch

from nnref._checks import require_positive_int, require_tensor
from nnref.layers.normalization import (
    _normalize,
    _per_channel_state,
    _require_statistics_arguments,
    _running_statistics,
    moments,
    require_eps,
    require_input,
    require_momentum,
)


def _reduce_dims(input: torch.Tensor) -> list[int]:
    """Every axis of ``(N, C, *)`` except the channel axis."""
    return [0, *range(2, input.dim())]


def _require_several_values(input: torch.Tensor) -> None:
    if input.numel() // input.shape[1] <= 1:
        raise ValueError(
            "Expected more than 1 value per channel when training, "
            f"got input size {tuple(input.shape)}"
        )


@torch.no_grad()
def _update_running(
    running_mean: torch.Tensor | None,
    running_var: torch.Tensor | None,
    mean: torch.Tensor,
    unbiased_var: torch.Tensor,
    factor: float,
) -> None:
    """``running = (1 - factor) * running + factor * statistic``, in place."""
    if running_mean is not None:
        new = (1 - factor) * running_mean + factor * mean.reshape(-1).to(running_mean.dtype)
        running_mean.copy_(new)
    if running_var is not None:
        new = (1 - factor) * running_var + factor * unbiased_var.reshape(-1).to(running_var.dtype)
        running_var.copy_(new)


def batch_norm(
    input: torch.Tensor,
    running_mean: torch.Tensor | None,
    running_var: torch.Tensor | None,
    weight: torch.Tensor | None = None,
    bias: torch.Tensor | None = None,
    training: bool = False,
    momentum: float = 0.1,
    eps: float = 1e-5,
) -> torch.Tensor:
    """Batch normalization of an ``(N, C, *)`` input, like ``torch.nn.functional.batch_norm``.

    Args:
        input: tensor of shape ``(N, C)`` or ``(N, C, *)``.
        running_mean: ``(C,)`` running mean, updated in place when ``training``; may be ``None``
            in training.
        running_var: ``(C,)`` running variance, updated in place with the unbiased batch
            variance when ``training``; may be ``None`` in training.
        weight: optional ``(C,)`` scale ``gamma``.
        bias: optional ``(C,)`` shift ``beta``.
        training: use the batch statistics (and update the running ones) if ``True``; use
            the running statistics if ``False``.
        momentum: weight of the new batch statistic in the running average.
        eps: added to the variance before the square root.

    Returns:
        Tensor of the same shape as ``input``.
    """
    require_input(input, 2, "at least 2-D (N, C, *)")
    momentum, eps = _require_statistics_arguments(
        input.shape[1], running_mean, running_var, weight, bias, momentum, eps
    )
    if training:
        _require_several_values(input)
        mean, var, unbiased = moments(input, _reduce_dims(input))
        _update_running(running_mean, running_var, mean, unbiased, momentum)
    else:
        mean, var = _running_statistics(input, running_mean, running_var, "training=False")
    return _normalize(input, mean, var, eps, weight, bias)


class BatchNorm:
    """The state and forward pass of ``nn.BatchNorm1d/2d/3d`` (and their ``Lazy`` versions).

    Holds ``weight`` and ``bias`` (when ``affine``), the buffers ``running_mean``,
    ``running_var`` and ``num_batches_tracked`` (when ``track_running_stats``), and a
    ``training`` flag switched by :meth:`train` and :meth:`eval`, exactly as the torch module.

    Args:
        num_features: the number of channels ``C``; ``None`` infers it from the first input,
            as the ``LazyBatchNorm*`` modules do.
        eps: added to the variance before the square root.
        momentum: weight of each new batch in the running averages; ``None`` gives the
            cumulative (simple) average of all batches seen.
        affine: learn a per-channel ``weight`` (ones) and ``bias`` (zeros).
        track_running_stats: keep running estimates and use them in evaluation; if ``False``
            the batch statistics are used in evaluation too.
        bias: with ``affine``, whether to learn the ``bias``.
        input_dims: the accepted numbers of input dimensions (``(2, 3)`` for ``BatchNorm1d``,
            ``(4,)`` for 2d, ``(5,)`` for 3d); ``None`` accepts any input of 2 or more.
        dtype: dtype of the parameters and running statistics.
    """

    def __init__(
        self,
        num_features: int | None,
        eps: float = 1e-5,
        momentum: float | None = 0.1,
        affine: bool = True,
        track_running_stats: bool = True,
        *,
        bias: bool = True,
        input_dims: Sequence[int] | None = None,
        dtype: torch.dtype = torch.float32,
    ) -> None:
        if num_features is not None:
            require_positive_int("num_features", num_features)
        self.eps = require_eps(eps)
        self.momentum = require_momentum(momentum)
        self.affine = bool(affine)
        self.use_bias = bool(bias)
        self.track_running_stats = bool(track_running_stats)
        self.input_dims = tuple(input_dims) if input_dims is not None else None
        self.dtype = dtype
        self.training = True
        self.num_features: int | None = None
        self.weight: torch.Tensor | None = None
        self.bias: torch.Tensor | None = None
        self.running_mean: torch.Tensor | None = None
        self.running_var: torch.Tensor | None = None
        self.num_batches_tracked: torch.Tensor | None = None
        if self.track_running_stats:
            self.num_batches_tracked = torch.tensor(0, dtype=torch.long)
        if num_features is not None:
            self._materialize(num_features)

    def _materialize(self, num_features: int) -> None:
        """Create the parameters and buffers once ``C`` is known."""
        self.num_features = num_features
        self.weight, self.bias, self.running_mean, self.running_var = _per_channel_state(
            num_features, self.affine, self.use_bias, self.track_running_stats, self.dtype
        )

    def train(self, mode: bool = True) -> "BatchNorm":
        """Switch to training mode (batch statistics, running estimates updated)."""
        self.training = bool(mode)
        return self

    def eval(self) -> "BatchNorm":
        """Switch to evaluation mode (running estimates used, nothing updated)."""
        return self.train(False)

    def _check_input(self, input: torch.Tensor) -> None:
        require_input(input, 2, "at least 2-D (N, C, *)")
        if self.input_dims is not None and input.dim() not in self.input_dims:
            expected = " or ".join(f"{d}-D" for d in self.input_dims)
            raise ValueError(f"input must be {expected}, got {input.dim()}-D input")
        if self.num_features is not None and input.shape[1] != self.num_features:
            raise ValueError(
                f"input has {input.shape[1]} channels in dimension 1, "
                f"but num_features={self.num_features}"
            )

    def __call__(self, input: torch.Tensor) -> torch.Tensor:
        """Normalize ``input`` of shape ``(N, C, *)``; update the running statistics in training."""
        self._check_input(input)
        if self.num_features is None:
            self._materialize(input.shape[1])
        factor = 0.0 if self.momentum is None else self.momentum
        if self.training and self.track_running_stats:
            self.num_batches_tracked += 1
            if self.momentum is None:  # cumulative average: the k-th batch gets weight 1/k
                factor = 1.0 / int(self.num_batches_tracked)
        use_batch_stats = self.training or self.running_mean is None
        return batch_norm(
            input,
            self.running_mean,
            self.running_var,
            self.weight,
            self.bias,
            training=use_batch_stats,
            momentum=factor,
            eps=self.eps,
        )


def sync_batch_norm(
    local_inputs: Sequence[torch.Tensor],
    running_mean: torch.Tensor | None,
    running_var: torch.Tensor | None,
    weight: torch.Tensor | None = None,
    bias: torch.Tensor | None = None,
    momentum: float = 0.1,
    eps: float = 1e-5,
) -> list[torch.Tensor]:
    """Training-mode batch normalization with statistics shared by several processes.

    What ``nn.SyncBatchNorm`` computes in distributed training, simulated in one process:
    each element of ``local_inputs`` is the local batch of one process. Every process
    contributes its count, mean and biased variance; the global statistics are combined
    from them (``var = sum_i n_i (var_i + (mean_i - mean)^2) / sum_i n_i``), every local
    batch is normalized with the global statistics, and the running estimates are updated
    once with the global mean and unbiased variance.

    Returns:
        The normalized local batches, in order; together they equal ``batch_norm`` of their
        concatenation along the batch axis.
    """
    if isinstance(local_inputs, torch.Tensor) or len(local_inputs) == 0:
        raise TypeError("local_inputs must be a non-empty sequence of tensors (one per process)")
    for index, chunk in enumerate(local_inputs):
        require_tensor(f"local_inputs[{index}]", chunk)
        require_input(chunk, 2, "at least 2-D (N, C, *)")
        if chunk.shape[1:] != local_inputs[0].shape[1:]:
            raise ValueError(
                f"local_inputs[{index}] has shape {tuple(chunk.shape)}; every process must "
                f"give (N_i, *{tuple(local_inputs[0].shape[1:])})"
            )
    channels = local_inputs[0].shape[1]
    momentum, eps = _require_statistics_arguments(
        channels, running_mean, running_var, weight, bias, momentum, eps
    )

    counts, means, variances = [], [], []
    for chunk in local_inputs:  # what each process computes on its own batch
        mean, var, _ = moments(chunk, _reduce_dims(chunk))
        counts.append(chunk.numel() // channels)
        means.append(mean)
        variances.append(var)
    total = sum(counts)  # what the all-gather of counts, means and variances gives everyone
    if total <= 1:
        raise ValueError("Expected more than 1 value per channel when training")
    mean = sum(n * m for n, m in zip(counts, means, strict=True)) / total
    var = (
        sum(n * (v + (m - mean) ** 2) for n, m, v in zip(counts, means, variances, strict=True))
        / total
    )
    _update_running(running_mean, running_var, mean, var * total / (total - 1), momentum)
    return [_normalize(chunk, mean, var, eps, weight, bias) for chunk in local_inputs]
