import torch

x = torch.tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])  # shape (2, 3)

print("sum():", x.sum().item(), tuple(x.sum().shape))  # all elements -> 0-d tensor
print("sum(dim=0):", x.sum(dim=0).tolist())  # down the columns -> (3,)
print("sum(dim=1):", x.sum(dim=1).tolist())  # along the rows -> (2,)
print("sum(dim=1, keepdim=True):", tuple(x.sum(dim=1, keepdim=True).shape))
print("mean(dim=(0, 1)):", x.mean(dim=(0, 1)).item())  # a tuple of dims
print("prod(dim=1):", x.prod(dim=1).tolist())

values, indices = x.max(dim=1)  # with dim: a named pair
print("max(dim=1):", values.tolist(), indices.tolist())
print("max():", x.max().item(), " argmax():", x.argmax().item())  # index in the flat order
print("amax(dim=0):", x.amax(dim=0).tolist(), " min(dim=0).indices:", x.min(dim=0).indices.tolist())

print("std(dim=1):", x.std(dim=1).tolist())  # sample std: divides by n - 1
print("var(dim=1, correction=0):", [round(v, 4) for v in x.var(dim=1, correction=0).tolist()])

# keepdim=True keeps the result broadcastable against x: centre every row
centred = x - x.mean(dim=1, keepdim=True)
print("row means after centring:", centred.mean(dim=1).tolist())
