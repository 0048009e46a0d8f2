import torch

a = torch.tensor([[1, 2, 3], [4, 5, 6]])  # copies the data; dtype inferred
print(a.dtype, tuple(a.shape), a.stride(), a.device, a.requires_grad)
print(torch.tensor([1.0, 2.0]).dtype, torch.tensor([True, False]).dtype, torch.tensor(3.5).dim())

# type promotion: the result dtype of an operation on mixed dtypes
print(torch.result_type(a, 2.5), (a * 2.5).dtype)  # int64 tensor * float -> default float
half = torch.ones(2, dtype=torch.float16)
print((half + torch.ones(2)).dtype)  # float16 + float32 -> float32
print((half + torch.tensor(1.0)).dtype)  # a 0-d tensor does not promote: float16

# .to converts dtype and/or device; it returns the tensor itself when nothing changes
f = a.to(torch.float32)
print(f.dtype, a.to(torch.int64) is a, a.to("cpu") is a)
print(torch.ones(2, dtype=torch.bfloat16).element_size(), "bytes per bfloat16 element")
