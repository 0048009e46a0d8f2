import torch

w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer)

optimizer.step()
try:
    scheduler.step()  # written like every other scheduler
except TypeError as error:
    print("TypeError:", error)

val_loss = torch.tensor(0.25)  # a 0-dim tensor is accepted: float(metrics)
scheduler.step(val_loss)
print("best:", scheduler.best)
