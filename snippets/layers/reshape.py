import torch

x = torch.arange(12)
print(tuple(torch.reshape(x, (3, 4)).shape), tuple(x.reshape(2, -1, 3).shape))

# The batch axis is part of the shape in PyTorch (Keras' Reshape leaves it out)
batch = torch.randn(8, 12)
print(tuple(batch.reshape(batch.shape[0], 3, 4).shape))

# A contiguous tensor is reshaped without copying: the result is a view
m = torch.arange(6.0).reshape(2, 3)
print("view of m:", m.reshape(3, 2).data_ptr() == m.data_ptr())

# After a transpose the memory order is no longer row-major: view fails, reshape copies
t = m.T
print("contiguous:", t.is_contiguous())
try:
    t.view(6)
except RuntimeError as error:
    print("view: RuntimeError:", str(error).split(" (")[0])
print("reshape:", t.reshape(6).tolist(), "copy:", t.reshape(6).data_ptr() != m.data_ptr())
