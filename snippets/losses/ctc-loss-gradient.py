import torch
import torch.nn.functional as F

from nnref.losses.ctc import ctc_loss, ctc_loss_gradient

torch.manual_seed(0)
T, C = 5, 3
log_probs = torch.randn(T, C, dtype=torch.float64).log_softmax(1).requires_grad_()
target, lengths = torch.tensor([1, 2]), (torch.tensor(T), torch.tensor(2))


def theirs(lp):
    return F.ctc_loss(lp, target, *lengths, reduction="sum")


def ours(lp):
    return ctc_loss(lp, target, *lengths, reduction="sum")


(torch_grad,) = torch.autograd.grad(theirs(log_probs), log_probs)
(exact_grad,) = torch.autograd.grad(ours(log_probs), log_probs)
print("torch's gradient sums to 0 over classes:", torch_grad.sum(1).abs().max().item() < 1e-12)
print("exact gradient summed over classes:", exact_grad.sum(1).round(decimals=6))
softmax = log_probs.detach().exp()
print("torch's = exact + softmax:", torch.allclose(torch_grad, exact_grad + softmax))
formula = ctc_loss_gradient(log_probs, target, *lengths, reduction="sum")
print("alpha-beta formula = torch's:", torch.allclose(formula, torch_grad))


def gradcheck(function, x):
    return torch.autograd.gradcheck(function, (x,), raise_exception=False)


logits = torch.randn(T, C, dtype=torch.float64, requires_grad=True)
print("gradcheck, F.ctc_loss in log_probs:", gradcheck(theirs, log_probs))
print("gradcheck, F.ctc_loss in logits:   ", gradcheck(lambda z: theirs(z.log_softmax(1)), logits))
print("gradcheck, nnref ctc_loss in log_probs:", gradcheck(ours, log_probs))

# The extra softmax term cancels for any log_probs normalised per frame, not only log_softmax
z = torch.randn(2, T, C, dtype=torch.float64, requires_grad=True)


def exact_upstream(log_probs_of):
    """Whether torch's gradient, back through log_probs_of(z), is the exact gradient in z."""
    (g_torch,) = torch.autograd.grad(theirs(log_probs_of(z)), z)
    (g_exact,) = torch.autograd.grad(ours(log_probs_of(z)), z)
    return torch.allclose(g_torch, g_exact)


def mixture(z):  # log of a mixture of two softmaxes: normalised
    return torch.log(0.3 * z[0].softmax(1) + 0.7 * z[1].softmax(1))


def sharpened(z):  # a temperature applied after the normalisation: not normalised
    return z[0].log_softmax(1) / 0.5


print("exact through a mixture of softmaxes:", exact_upstream(mixture))
print("exact through log_softmax(z) / 0.5:  ", exact_upstream(sharpened))
