import torch

from nnref.perceptron import (
    linearly_separable_data,
    novikoff_bound,
    predict,
    train_perceptron,
    xor_data,
)

# Separable data: 200 points in [-1, 1]^2, none closer than 0.1 to the line 0.6 x1 + 0.8 x2 = 0.2
generator = torch.Generator().manual_seed(0)
x, y, w_star, b_star = linearly_separable_data(200, margin=0.1, generator=generator)
result = train_perceptron(x, y, epochs=100)
print("mistakes per epoch:", result.mistakes)
print("converged:", result.converged)
print("all 200 points right:", torch.equal(predict(x, result.weight, result.bias), y))
print(
    "updates:",
    sum(result.mistakes),
    "<= Novikoff bound (R/gamma)^2 =",
    round(novikoff_bound(x, y, w_star, b_star), 1),
)

# The learning rate does not matter when training starts from zero weights
print("same mistakes with lr=0.01:", train_perceptron(x, y, lr=0.01).mistakes == result.mistakes)

# XOR is not linearly separable: the perceptron never gets through an epoch without a mistake
x, y = xor_data(torch.float64)
result = train_perceptron(x, y, epochs=1000)
print("XOR epochs:", len(result.mistakes), "converged:", result.converged)
print("XOR mistakes in the last 5 epochs:", result.mistakes[-5:])
