import torch

# No loss at all, only weight_decay=0.1 acting for 10 steps on weights of different size
for optimizer_class, lr in ((torch.optim.SGD, 0.1), (torch.optim.Adagrad, 0.1)):
    w = torch.tensor([10.0, 1.0, 0.1], requires_grad=True)
    optimizer = optimizer_class([w], lr=lr, weight_decay=0.1)
    for _ in range(10):
        w.grad = torch.zeros(3)  # the loss gradient is zero; the decay term is added inside
        optimizer.step()
    kept = [round(x, 3) for x in (w / torch.tensor([10.0, 1.0, 0.1])).tolist()]
    print(f"{optimizer_class.__name__:8s} fraction of each weight kept: {kept}")
# SGD shrinks every weight by the same factor; Adagrad divides the decay term by its own
# root-sum-square and removes about the same amount from every weight
