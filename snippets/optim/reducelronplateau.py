import torch

w = torch.zeros(2, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
    optimizer, mode="min", factor=0.5, patience=2, cooldown=1
)

val_losses = [1.0, 0.8, 0.7, 0.7, 0.71, 0.70, 0.69, 0.6999, 0.70, 0.72, 0.5]
for epoch, val_loss in enumerate(val_losses):
    # ... train one epoch (optimizer.step() per batch), then evaluate ...
    optimizer.step()
    scheduler.step(val_loss)  # the metric is required
    print(
        f"epoch {epoch:2d}  val_loss {val_loss:.4f}  best {scheduler.best:.4f}  "
        f"bad {scheduler.num_bad_epochs}  cooldown {scheduler.cooldown_counter}  "
        f"lr {scheduler.get_last_lr()[0]:.4f}"
    )
