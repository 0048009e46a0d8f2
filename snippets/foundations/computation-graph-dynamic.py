import torch


def f(x):
    # ordinary Python control flow: the graph records only the branch that runs
    return torch.sin(x) if x.sum() > 0 else torch.exp(x) * 2


for value in [1.0, -1.0]:
    x = torch.tensor([value], requires_grad=True)
    y = f(x).sum()
    print(value, type(y.grad_fn.next_functions[0][0]).__name__)

# A graph is used once: backward frees the tensors it saved
x = torch.tensor([1.0], requires_grad=True)
y = torch.sin(x).sum()
y.backward()
try:
    y.backward()
except RuntimeError as error:
    print("second backward:", str(error).split(".")[0])

# retain_graph=True keeps them; the second call ADDS to x.grad (2 cos 1)
y = torch.sin(x).sum()
x.grad = None
y.backward(retain_graph=True)
y.backward()
print("twice with retain_graph:", round(x.grad.item(), 4), round(2 * torch.cos(x).item(), 4))
