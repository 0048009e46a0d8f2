import torch

x = torch.arange(12)  # contiguous, shape (12,)
v = x.view(3, 4)
print(tuple(v.shape), v.stride(), "shares memory:", v.data_ptr() == x.data_ptr())
print(tuple(x.view(2, -1, 3).shape))  # one size may be -1: inferred

v[0, 0] = 100  # a view writes into the same storage
print("x[0] =", x[0].item())

t = v.T  # (4, 3), strides (1, 4): not contiguous
r = t.reshape(12)  # reshape: a view when possible, a copy otherwise
print("reshape of t copies:", r.data_ptr() != x.data_ptr())
print("reshape of v is a view:", v.reshape(2, 6).data_ptr() == x.data_ptr())

print(tuple(x.view(torch.int32).shape))  # view(dtype): reinterpret the bytes, 8 -> 2 x 4
