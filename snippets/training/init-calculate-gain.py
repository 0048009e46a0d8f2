import math

from torch import nn

for name in ["linear", "conv2d", "sigmoid", "tanh", "relu", "selu"]:
    print(f"{name:8s}", round(nn.init.calculate_gain(name), 4))
print("leaky_relu (slope 0.01):", round(nn.init.calculate_gain("leaky_relu"), 4))
print("leaky_relu (slope 0.2): ", round(nn.init.calculate_gain("leaky_relu", 0.2), 4))
print("sqrt(2/(1+0.2^2)):       ", round(math.sqrt(2 / (1 + 0.2**2)), 4))
try:
    nn.init.calculate_gain("gelu")
except ValueError as error:
    print("ValueError:", error)
