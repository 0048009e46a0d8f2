import torch

x = torch.arange(6).reshape(2, 3)
t = x.T  # strides (1, 3): not contiguous

try:
    t.view(6)  # wrong: view cannot merge dims whose strides do not chain
except RuntimeError as error:
    print("RuntimeError:", error)

flat = t.reshape(6)  # right: reshape copies when it has to
print(flat.tolist(), "copy:", flat.data_ptr() != x.data_ptr())
print(t.contiguous().view(6).tolist())  # the same: copy first, then view
