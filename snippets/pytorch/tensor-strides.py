import torch

x = torch.arange(6.0).reshape(2, 3)  # storage: 0 1 2 3 4 5
print("x:", tuple(x.shape), "strides", x.stride(), "offset", x.storage_offset())
print("storage:", x.untyped_storage().nbytes() // x.element_size(), "float32 values")

# element (i, j) lives at storage position offset + i*3 + j*1
i, j = 1, 2
print("x[1, 2] =", x[i, j].item(), "at position", i * x.stride(0) + j * x.stride(1))

t = x.T  # the transpose: same storage, strides swapped
print("x.T:", tuple(t.shape), "strides", t.stride(), "contiguous:", t.is_contiguous())
print("shares storage:", t.untyped_storage().data_ptr() == x.untyped_storage().data_ptr())

r = x[:, 1:]  # a slice: same strides, offset 1
print("x[:, 1:]:", tuple(r.shape), "strides", r.stride(), "offset", r.storage_offset())

x[0, 1] = 10.0  # writing through one view is seen by every view
print("t[1, 0] =", t[1, 0].item(), " r[0, 0] =", r[0, 0].item())
