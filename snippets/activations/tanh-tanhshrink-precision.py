import torch
import torch.nn.functional as F

x = torch.tensor([1e-3, 1e-2, 1e-1])
single = F.tanhshrink(x)  # float32: x - tanh(x) subtracts two nearly equal numbers
double = F.tanhshrink(x.double())
print("float32:", single)
print("float64:", double.float())
print("relative error:", ((single.double() - double) / double).abs().float())
