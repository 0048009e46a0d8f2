import torch

x = torch.arange(6).reshape(2, 3)
t = x.t()
print("t:", t.stride(), t.is_contiguous())

c = t.contiguous()  # copies into row-major order for t's shape
print("c:", c.stride(), c.is_contiguous(), "new storage:", c.data_ptr() != x.data_ptr())
print("storage order of c:", c.flatten().tolist())
print("already contiguous -> same tensor:", x.contiguous() is x)
print(torch.equal(c, t), tuple(c.view(6).shape))
