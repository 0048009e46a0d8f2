import torch

x = torch.tensor(3.0, requires_grad=True)
y = x.sigmoid()  # sigmoid saves its output for the backward pass
y.backward()
try:
    y.backward()  # the saved values were freed by the first backward
except RuntimeError as error:
    print("RuntimeError:", str(error).split(". ")[0] + ".")

x.grad = None
y = x.sigmoid()
y.backward(retain_graph=True)  # keep the saved values
y.backward()
print("two calls, accumulated:", round(x.grad.item(), 6), "=", round(2 * (y * (1 - y)).item(), 6))

x.grad = None
s = (x + 1).sum()  # AddBackward0 and SumBackward0 save no tensors: nothing is freed
s.backward()
s.backward()  # so a second backward works even without retain_graph
print("graph without saved tensors, two calls:", x.grad.item())
