"""L-BFGS (Liu & Nocedal, 1989) as ``torch.optim.LBFGS`` runs it, iteration by iteration.

All parameters are treated as one flat vector ``x`` with gradient ``g``. One call of
``step(closure)`` runs up to ``max_iter`` iterations of

    d  = -H g                   H: the inverse-Hessian estimate built from the last
                                history_size pairs (s, y) by the two-loop recursion
    t  = min(1, 1/|g|_1) * lr   on the very first iteration, lr afterwards
                                (or a strong-Wolfe line search started from that t)
    x  = x + t d

and, before each new direction, stores the pair s = t d, y = g_new - g_old when its
curvature y.s exceeds 1e-10. The state lives in ``self.state[0]`` (torch keeps it in the
state of the first parameter) under torch's names: ``d``, ``t``, ``old_dirs`` (the y),
``old_stps`` (the s), ``ro`` (1 / y.s), ``H_diag``, ``prev_flat_grad``, ``prev_loss``,
``n_iter`` and ``func_evals``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import torch

from nnref._checks import require_non_negative, require_positive_int
from nnref.optim._base import Optimizer

Closure = Callable[[], torch.Tensor]

# Curvature threshold: a pair (s, y) enters the history only if y.s exceeds it.
CURVATURE_MIN = 1e-10


def cubic_minimizer(
    x1: float,
    f1: float,
    g1: float,
    x2: float,
    f2: float,
    g2: float,
    bounds: tuple[float, float] | None = None,
) -> float:
    """Minimiser of the cubic through (x1, f1) and (x2, f2) with slopes g1 and g2, clipped.

    The cubic's stationary point is clipped to ``bounds`` (by default the interval between
    the two points); without a real minimiser the middle of the bounds is returned.
    """
    low, high = bounds if bounds is not None else (min(x1, x2), max(x1, x2))
    # The slopes as 0-dim float64 tensors: a zero denominator then gives +-inf, which the
    # clipping below turns into a bound, instead of raising ZeroDivisionError.
    g1, g2 = torch.tensor(g1, dtype=torch.float64), torch.tensor(g2, dtype=torch.float64)
    d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2)
    discriminant = d1**2 - g1 * g2
    if discriminant >= 0:
        d2 = discriminant.sqrt()
        if x1 <= x2:
            point = x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
        else:
            point = x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2))
        return float(min(max(point, low), high))
    return (low + high) / 2.0


@dataclass
class _Trial:
    """One point of the line search: step length, loss, gradient and slope along ``d``."""

    t: float
    f: float
    g: torch.Tensor
    slope: float


def strong_wolfe(
    evaluate: Callable[[float], tuple[float, torch.Tensor]],
    direction: torch.Tensor,
    t: float,
    loss: float,
    grad: torch.Tensor,
    slope: float,
    c1: float = 1e-4,
    c2: float = 0.9,
    tolerance_change: float = 1e-9,
    max_evals: int = 25,
) -> tuple[float, torch.Tensor, float, int]:
    """Search along ``direction`` for a step length meeting the strong Wolfe conditions.

    ``evaluate(t)`` returns the loss and flat gradient at ``x + t * direction``; ``loss``,
    ``grad`` and ``slope`` (= grad.direction < 0) describe ``t = 0``. The conditions are
    sufficient decrease, f(t) <= f(0) + c1 t slope, and small slope, |f'(t)| <= c2 |slope|.
    First a bracket [t_lo, t_hi] around such a point is found by extrapolation, then it is
    shrunk by cubic interpolation ("zoom"): the first trial plus at most ``max_evals`` more
    evaluations (torch passes the evaluations left in ``max_eval``, so a step can use one more).

    Returns the loss, gradient and step length of the best point, and the evaluations used.
    """
    scale = float(direction.abs().max())

    def trial(step: float) -> _Trial:
        f, g = evaluate(step)
        return _Trial(step, f, g, float(g.dot(direction)))

    def too_high(point: _Trial) -> bool:  # the sufficient-decrease condition fails
        return point.f > loss + c1 * point.t * slope

    def flat_enough(point: _Trial) -> bool:
        return abs(point.slope) <= -c2 * slope

    # Bracketing: extrapolate until the loss rises or the slope turns non-negative.
    previous, current = _Trial(0.0, loss, grad, slope), trial(t)
    evals, iterations, done = 1, 0, False
    bracket: list[_Trial] = []
    while iterations < max_evals:
        if too_high(current) or (iterations > 1 and current.f >= previous.f):
            bracket = [previous, current]
            break
        if flat_enough(current):
            bracket, done = [current], True
            break
        if current.slope >= 0:
            bracket = [previous, current]
            break
        bounds = (current.t + 0.01 * (current.t - previous.t), current.t * 10)
        t_next = cubic_minimizer(
            previous.t, previous.f, previous.slope, current.t, current.f, current.slope, bounds
        )
        previous, current = current, trial(t_next)
        evals += 1
        iterations += 1
    if iterations == max_evals:  # no bracket found: keep the better of 0 and the last step
        bracket = [_Trial(0.0, loss, grad, slope), current]

    # Zoom: shrink the bracket; `low` is its end with the lower loss.
    low, high = (0, 1) if bracket[0].f <= bracket[-1].f else (1, 0)
    insufficient_progress = False
    while not done and iterations < max_evals:
        if abs(bracket[1].t - bracket[0].t) * scale < tolerance_change:
            break
        a, b = bracket
        t = cubic_minimizer(a.t, a.f, a.slope, b.t, b.f, b.slope)
        # Keep the trial at least a tenth of the bracket away from its ends.
        left, right = min(a.t, b.t), max(a.t, b.t)
        margin = 0.1 * (right - left)
        if min(right - t, t - left) < margin:
            if insufficient_progress or t >= right or t <= left:
                t = right - margin if abs(t - right) < abs(t - left) else left + margin
                insufficient_progress = False
            else:
                insufficient_progress = True
        else:
            insufficient_progress = False
        point = trial(t)
        evals += 1
        iterations += 1
        if too_high(point) or point.f >= bracket[low].f:
            bracket[high] = point
            low, high = (0, 1) if bracket[0].f <= bracket[1].f else (1, 0)
        else:
            if flat_enough(point):
                done = True
            elif point.slope * (bracket[high].t - bracket[low].t) >= 0:
                bracket[high] = bracket[low]
            bracket[low] = point

    best = bracket[low]
    return best.f, best.g, best.t, evals


class LBFGS(Optimizer):
    """Plain-Python L-BFGS; equal to ``torch.optim.LBFGS`` iteration by iteration.

    ``step(closure)`` needs the closure (it re-evaluates the loss several times per step).
    """

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 1,
        max_iter: int = 20,
        max_eval: int | None = None,
        tolerance_grad: float = 1e-7,
        tolerance_change: float = 1e-9,
        history_size: int = 100,
        line_search_fn: str | None = None,
    ) -> None:
        super().__init__(params)
        self.lr = require_non_negative("learning rate", lr)
        self.max_iter = require_positive_int("max_iter", max_iter)
        self.max_eval = max_iter * 5 // 4 if max_eval is None else max_eval
        self.max_eval = require_positive_int("max_eval", self.max_eval)
        self.tolerance_grad = require_non_negative("tolerance_grad", tolerance_grad)
        self.tolerance_change = require_non_negative("tolerance_change", tolerance_change)
        self.history_size = require_positive_int("history_size", history_size)
        if line_search_fn not in (None, "strong_wolfe"):
            raise ValueError(
                f"line_search_fn must be None or 'strong_wolfe', got {line_search_fn!r}"
            )
        self.line_search_fn = line_search_fn

    # The parameters as one flat vector.

    def _flat_grad(self) -> torch.Tensor:
        """All gradients concatenated (zeros for a parameter without gradient)."""
        parts = [
            torch.zeros(p.numel(), dtype=p.dtype) if p.grad is None else p.grad.reshape(-1)
            for p in self.params
        ]
        return torch.cat(parts)

    def _move(self, t: float, direction: torch.Tensor) -> None:
        """x <- x + t * direction, slice by slice."""
        offset = 0
        for param in self.params:
            n = param.numel()
            param.add_(direction[offset : offset + n].view_as(param), alpha=t)
            offset += n

    def _evaluate_at(
        self, closure: Closure, t: float, direction: torch.Tensor
    ) -> tuple[float, torch.Tensor]:
        """Loss and gradient at x + t * direction; the parameters are put back afterwards."""
        saved = [param.clone() for param in self.params]
        self._move(t, direction)
        with torch.enable_grad():
            value = closure()
        loss, grad = float(value), self._flat_grad()
        for param, value in zip(self.params, saved, strict=True):
            param.copy_(value)
        return loss, grad

    # The algorithm.

    def _remember(self, state: dict, s: torch.Tensor, y: torch.Tensor) -> None:
        """Store the pair (s, y) if its curvature y.s is positive enough; rescale H_diag."""
        ys = y.dot(s)
        if not ys > CURVATURE_MIN:  # would make the inverse-Hessian estimate non-positive
            return
        if len(state["old_dirs"]) == self.history_size:  # forget the oldest pair
            for key in ("old_dirs", "old_stps", "ro"):
                state[key].pop(0)
        state["old_dirs"].append(y)
        state["old_stps"].append(s)
        state["ro"].append(1.0 / ys)
        state["H_diag"] = ys / y.dot(y)  # gamma = s.y / y.y: the scale of the initial H

    @staticmethod
    def _two_loop(state: dict, grad: torch.Tensor) -> torch.Tensor:
        """d = -H g by the two-loop recursion over the stored pairs (oldest first)."""
        s_list, y_list, rho = state["old_stps"], state["old_dirs"], state["ro"]
        alphas = [torch.zeros(())] * len(s_list)
        q = grad.neg()
        for i in reversed(range(len(s_list))):  # newest to oldest
            alphas[i] = s_list[i].dot(q) * rho[i]
            q.add_(y_list[i], alpha=-alphas[i])
        r = torch.mul(q, state["H_diag"])  # initial inverse Hessian: gamma * I
        for i in range(len(s_list)):  # oldest to newest
            beta = y_list[i].dot(r) * rho[i]
            r.add_(s_list[i], alpha=alphas[i] - beta)
        return r

    @torch.no_grad()
    def step(self, closure: Closure) -> torch.Tensor:  # type: ignore[override]
        """Up to ``max_iter`` L-BFGS iterations; returns the loss at the starting point."""
        state = self.state[0]
        state.setdefault("func_evals", 0)
        state.setdefault("n_iter", 0)

        with torch.enable_grad():
            first_loss = closure()
        loss = float(first_loss)
        grad = self._flat_grad()
        evals = 1
        state["func_evals"] += 1
        if grad.abs().max() <= self.tolerance_grad:  # already at a stationary point
            return first_loss

        for iteration in range(1, self.max_iter + 1):
            state["n_iter"] += 1
            if state["n_iter"] == 1:  # the very first iteration: steepest descent
                direction = grad.neg()
                state.update(old_dirs=[], old_stps=[], ro=[], H_diag=1)
            else:
                self._remember(state, state["d"].mul(state["t"]), grad.sub(state["prev_flat_grad"]))
                direction = self._two_loop(state, grad)
            state["prev_flat_grad"] = grad.clone()
            state["prev_loss"] = loss

            if state["n_iter"] == 1:
                t = min(1.0, 1.0 / float(grad.abs().sum())) * self.lr
            else:
                t = self.lr
            slope = grad.dot(direction)
            state["d"], state["t"] = direction, t
            if slope > -self.tolerance_change:  # not a descent direction any more
                break

            used = 0
            if self.line_search_fn == "strong_wolfe":
                loss, grad, t, used = strong_wolfe(
                    lambda step, d=direction: self._evaluate_at(closure, step, d),
                    direction,
                    t,
                    loss,
                    grad,
                    float(slope),
                    tolerance_change=1e-9,  # torch passes the default, not the group's
                    max_evals=self.max_eval - evals,
                )
                state["t"] = t
                self._move(t, direction)
            else:
                self._move(t, direction)
                if iteration != self.max_iter:  # the last iteration skips the re-evaluation
                    with torch.enable_grad():
                        value = closure()
                    loss, grad = float(value), self._flat_grad()
                    used = 1
            evals += used
            state["func_evals"] += used

            if iteration == self.max_iter or evals >= self.max_eval:
                break
            if grad.abs().max() <= self.tolerance_grad:  # converged
                break
            if direction.mul(t).abs().max() <= self.tolerance_change:  # step too small
                break
            if abs(loss - state["prev_loss"]) < self.tolerance_change:  # loss stalled
                break
        return first_loss
