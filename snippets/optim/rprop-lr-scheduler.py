import torch

w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.Rprop([w], lr=0.1)
scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.01)

for step in range(1, 5):
    w.grad = torch.ones(1)  # the same sign every step
    before = w.item()
    optimizer.step()
    scheduler.step()
    print(f"step {step}: moved {before - w.item():.4f}  (lr now {scheduler.get_last_lr()[0]:.0e})")
# lr only initialises step_size at the first step; the scheduler changes nothing afterwards
