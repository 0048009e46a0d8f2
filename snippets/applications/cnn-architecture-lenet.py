from nnref.vision.counting import conv2d_params
from nnref.vision.shapes import Conv, Flatten, Linear, Pool, ReLU, trace

# LeNet-5 as usually re-implemented today (32 x 32 input, full C3, max pooling)
lenet5 = [
    Conv(6, 5),
    ReLU(),
    Pool(2),  # C1, S2
    Conv(16, 5),
    ReLU(),
    Pool(2),  # C3, S4
    Flatten(),
    Linear(120),
    ReLU(),  # C5 (a 5x5 conv on a 5x5 map = a dense layer)
    Linear(84),
    ReLU(),  # F6
    Linear(10),  # output: logits
]
stages = trace((1, 1, 32, 32), lenet5)
for stage in stages:
    if not isinstance(stage.spec, ReLU):
        print(f"{type(stage.spec).__name__:8} {stage.shape!s:18} {stage.params:6}")
print("total:", sum(s.params for s in stages))

# The 1998 paper's C3 connects each of its 16 maps to only 3, 4 or 6 of the 6 S2 maps
c3_inputs = [3] * 6 + [4] * 6 + [4] * 3 + [6]
print("C3 original:", sum(n * 5 * 5 for n in c3_inputs) + 16, " full:", conv2d_params(6, 16, 5))
