import torch
from torch import nn

from nnref.optim.adamw import decay_weights_, l2_penalty

torch.manual_seed(0)
x, y = torch.randn(32, 4, dtype=torch.float64), torch.randn(32, 1, dtype=torch.float64)
start = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1)).double().state_dict()
lr, lam = 0.01, 0.5


def train(optimizer_class, penalty=0.0, decay=0.0, **options):
    """25 steps; the penalty goes into the loss, the decay shrinks the weights before each step."""
    model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1)).double()
    model.load_state_dict(start)
    optimizer = optimizer_class(model.parameters(), lr=lr, **options)
    for _ in range(25):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(x), y) + l2_penalty(model.parameters(), penalty)
        loss.backward()
        decay_weights_(model.parameters(), lr, decay)
        optimizer.step()
    return torch.cat([p.detach().flatten() for p in model.parameters()])


comparisons = [
    ("l2_penalty + SGD", train(torch.optim.SGD, penalty=lam), "SGD(weight_decay)"),
    ("decay_weights_ + SGD", train(torch.optim.SGD, decay=lam), "SGD(weight_decay)"),
    ("l2_penalty + Adam", train(torch.optim.Adam, penalty=lam), "Adam(weight_decay)"),
    ("decay_weights_ + Adam", train(torch.optim.Adam, decay=lam), "AdamW(weight_decay)"),
    ("decay_weights_ + Adam", train(torch.optim.Adam, decay=lam), "Adam(weight_decay)"),
]
reference = {
    "SGD(weight_decay)": train(torch.optim.SGD, weight_decay=lam),
    "Adam(weight_decay)": train(torch.optim.Adam, weight_decay=lam),
    "AdamW(weight_decay)": train(torch.optim.AdamW, weight_decay=lam),
}
for ours, result, theirs in comparisons:
    print(f"{ours:21} == {theirs:19}", torch.allclose(result, reference[theirs]))
