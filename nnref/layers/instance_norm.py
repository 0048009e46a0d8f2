"""Instance normalization: statistics of each example and each channel on its own.

For an ``(N, C, *)`` input, every ``(n, c)`` slice is normalized with its own mean and biased
variance over the spatial positions ``*``. The optional running estimates (off by default in
``nn.InstanceNorm*d``) average the per-instance statistics over the batch.
"""

import torch

from nnref._checks import require_positive_int
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


def instance_norm(
    input: torch.Tensor,
    running_mean: torch.Tensor | None = None,
    running_var: torch.Tensor | None = None,
    weight: torch.Tensor | None = None,
    bias: torch.Tensor | None = None,
    use_input_stats: bool = True,
    momentum: float = 0.1,
    eps: float = 1e-5,
) -> torch.Tensor:
    """Instance normalization, like ``torch.nn.functional.instance_norm``.

    Args:
        input: tensor of shape ``(N, C, *)`` with at least one spatial dimension.
        running_mean: optional ``(C,)`` running mean; with ``use_input_stats`` it is updated
            in place with the batch average of the per-instance means.
        running_var: optional ``(C,)`` running variance, updated with the batch average of
            the per-instance *unbiased* variances.
        weight: optional ``(C,)`` scale.
        bias: optional ``(C,)`` shift.
        use_input_stats: normalize with each instance's own statistics (``True``) or with the
            running estimates (``False``, which requires them).
        momentum: weight of the new statistics in the running averages.
        eps: added to the variance before the square root.

    Returns:
        Tensor of the same shape as ``input``.
    """
    require_input(input, 3, "at least 3-D (N, C, *) with a spatial dimension")
    channels = input.shape[1]
    momentum, eps = _require_statistics_arguments(
        channels, running_mean, running_var, weight, bias, momentum, eps
    )
    if use_input_stats:
        if input[0, 0].numel() <= 1:
            raise ValueError(
                "Expected more than 1 spatial element when training, "
                f"got input size {tuple(input.shape)}"
            )
        mean, var, unbiased = moments(input, range(2, input.dim()))
        with torch.no_grad():
            if running_mean is not None:
                batch_mean = mean.reshape(input.shape[0], channels).mean(0)
                running_mean.copy_((1 - momentum) * running_mean + momentum * batch_mean)
            if running_var is not None:
                batch_var = unbiased.reshape(input.shape[0], channels).mean(0)
                running_var.copy_((1 - momentum) * running_var + momentum * batch_var)
    else:
        mean, var = _running_statistics(input, running_mean, running_var, "use_input_stats=False")
    return _normalize(input, mean, var, eps, weight, bias)


class InstanceNorm:
    """The state and forward pass of ``nn.InstanceNorm1d/2d/3d`` (and their ``Lazy`` versions).

    The defaults are those of ``nn.InstanceNorm*d``: no affine parameters and no running
    statistics. Mirroring torch, ``num_batches_tracked`` is never incremented, and
    ``momentum=None`` means a factor of 0: the running statistics then never move.

    Args:
        num_features: the number of channels ``C``; ``None`` infers it from the first input.
        eps: added to the variance before the square root.
        momentum: weight of each new batch in the running averages.
        affine: learn a per-channel ``weight`` (ones) and ``bias`` (zeros).
        track_running_stats: keep running estimates and use them in evaluation mode.
        bias: with ``affine``, whether to learn the ``bias``.
        spatial_dims: the number of spatial dimensions (1, 2 or 3); the input is
            ``(N, C, *spatial)`` or, without a batch, ``(C, *spatial)``.
        dtype: dtype of the parameters and running statistics.
    """

    def __init__(
        self,
        num_features: int | None,
        eps: float = 1e-5,
        momentum: float | None = 0.1,
        affine: bool = False,
        track_running_stats: bool = False,
        *,
        bias: bool = True,
        spatial_dims: int = 2,
        dtype: torch.dtype = torch.float32,
    ) -> None:
        if num_features is not None:
            require_positive_int("num_features", num_features)
        if spatial_dims not in (1, 2, 3):
            raise ValueError(f"spatial_dims must be 1, 2 or 3, got {spatial_dims!r}")
        self.eps = require_eps(eps)
        self.momentum = require_momentum(momentum)
        self.affine = bool(affine)
        self.use_bias = bool(bias)
        self.track_running_stats = bool(track_running_stats)
        self.spatial_dims = spatial_dims
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
        self.num_features = num_features
        self.weight, self.bias, self.running_mean, self.running_var = _per_channel_state(
            num_features, self.affine, self.use_bias, self.track_running_stats, self.dtype
        )

    def train(self, mode: bool = True) -> "InstanceNorm":
        """Switch to training mode."""
        self.training = bool(mode)
        return self

    def eval(self) -> "InstanceNorm":
        """Switch to evaluation mode (running estimates used if they are tracked)."""
        return self.train(False)

    def __call__(self, input: torch.Tensor) -> torch.Tensor:
        """Normalize ``(N, C, *spatial)`` or unbatched ``(C, *spatial)`` input."""
        require_input(input, 1, "a tensor")
        unbatched = self.spatial_dims + 1
        if input.dim() not in (unbatched, unbatched + 1):
            raise ValueError(
                f"input must be {unbatched}-D or {unbatched + 1}-D, got {input.dim()}-D input"
            )
        if input.dim() == unbatched:
            return self(input.unsqueeze(0)).squeeze(0)
        if self.num_features is None:
            self._materialize(input.shape[1])
        if input.shape[1] != self.num_features and (self.affine or self.track_running_stats):
            raise ValueError(
                f"input has {input.shape[1]} channels in dimension 1, "
                f"but num_features={self.num_features}"
            )
        return instance_norm(
            input,
            self.running_mean,
            self.running_var,
            self.weight,
            self.bias,
            use_input_stats=self.training or not self.track_running_stats,
            momentum=0.0 if self.momentum is None else self.momentum,
            eps=self.eps,
        )
