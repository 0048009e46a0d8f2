import torch
from torch import nn

torch.manual_seed(0)
x, y = torch.randn(64, 3, dtype=torch.float64), torch.randn(64, 1, dtype=torch.float64)
start = nn.Linear(3, 1).double().state_dict()
lam = 0.1  # the weight-decay coefficient


def train(optimizer_class, penalty=0.0, **options):
    """50 steps on a fresh copy of the model, with (penalty / 2) * ||theta||^2 in the loss."""
    model = nn.Linear(3, 1).double()
    model.load_state_dict(start)
    optimizer = optimizer_class(model.parameters(), **options)
    for _ in range(50):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss = loss + penalty / 2 * sum((p**2).sum() for p in model.parameters())
        loss.backward()
        optimizer.step()
    return torch.cat([p.detach().flatten() for p in model.parameters()])


def same(a, b):
    return torch.allclose(a, b, rtol=0, atol=1e-12)


# SGD: weight_decay=lam is the L2 penalty (lam / 2) * ||theta||^2 added to the loss
sgd_l2 = train(torch.optim.SGD, penalty=lam, lr=0.1, momentum=0.9)
sgd_wd = train(torch.optim.SGD, lr=0.1, momentum=0.9, weight_decay=lam)
print("SGD(weight_decay)  == SGD + L2 penalty: ", same(sgd_wd, sgd_l2))

# Adam: weight_decay=lam is the same L2 penalty, divided by sqrt(v_hat) like the gradient
adam_l2 = train(torch.optim.Adam, penalty=lam, lr=0.05)
adam_wd = train(torch.optim.Adam, lr=0.05, weight_decay=lam)
print("Adam(weight_decay) == Adam + L2 penalty:", same(adam_wd, adam_l2))

# AdamW: theta <- theta * (1 - lr * lam) outside the gradient: not a penalty
adamw = train(torch.optim.AdamW, lr=0.05, weight_decay=lam)
print("AdamW              == Adam + L2 penalty:", same(adamw, adam_l2))
print(f"largest difference: {(adamw - adam_l2).abs().max():.4f}")
adam_decoupled = train(torch.optim.Adam, lr=0.05, weight_decay=lam, decoupled_weight_decay=True)
print("Adam(decoupled_weight_decay=True) == AdamW:", same(adam_decoupled, adamw))
