import torch

w = torch.zeros(1, requires_grad=True)

plain = torch.optim.SGD([w], lr=0.1)  # momentum=0: plain SGD
print("momentum before:", plain.param_groups[0]["momentum"])
torch.optim.lr_scheduler.CyclicLR(plain, base_lr=0.01, max_lr=0.1)
print("momentum after CyclicLR:", plain.param_groups[0]["momentum"])

kept = torch.optim.SGD([w], lr=0.1)
torch.optim.lr_scheduler.CyclicLR(kept, base_lr=0.01, max_lr=0.1, cycle_momentum=False)
print("with cycle_momentum=False:", kept.param_groups[0]["momentum"])

try:
    torch.optim.lr_scheduler.CyclicLR(torch.optim.Adagrad([w]), base_lr=0.01, max_lr=0.1)
except ValueError as error:
    print("Adagrad: ValueError:", error)
