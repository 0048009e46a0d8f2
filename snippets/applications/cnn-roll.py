import torch

x = torch.arange(6)
print(torch.roll(x, shifts=2).tolist())  # elements move right, the last ones wrap to the front
print(torch.roll(x, shifts=-1).tolist())

image = torch.arange(12).view(3, 4)
print(torch.roll(image, shifts=(1, 1), dims=(0, 1)).tolist())  # one row down, one column right
print(torch.roll(image, shifts=1).tolist())  # no dims: roll the flattened tensor, keep the shape

# Rolling is a circular shift: it keeps every value, and is undone by the opposite roll
print(torch.equal(torch.roll(torch.roll(image, 3, 1), -3, 1), image))
