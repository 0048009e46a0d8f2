import torch

# How fast does NAdam's momentum coefficient mu_t approach beta1 = 0.9?
w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.NAdam([w])  # momentum_decay=4e-3 (psi)
state = optimizer.state[w]


def torch_mu(t):
    """Read mu_t from torch itself: set the step counter to t - 1, take one step."""
    w.grad = torch.ones(1)
    optimizer.step()  # creates the state on the first call
    state["step"].fill_(t - 1)
    state["mu_product"].fill_(1.0)
    optimizer.step()  # step t: mu_product becomes 1 * mu_t
    return state["mu_product"].item()


def keras3_mu(t, beta1=0.9):  # keras.optimizers.Nadam computes it without psi
    return beta1 * (1 - 0.5 * 0.96**t)


for t in (1, 10, 100, 1000, 10000, 100000):
    print(f"t = {t:6d}: torch mu_t = {torch_mu(t):.4f}   Keras 3 mu_t = {keras3_mu(t):.4f}")
