import torch

torch.manual_seed(0)
NAMES = ["SGD", "ASGD", "Adagrad", "RMSprop", "Adadelta", "Rprop", "Adam", "AdamW"]
NAMES += ["Adamax", "NAdam", "RAdam", "SparseAdam", "Adafactor", "LBFGS", "Muon"]


def state_after_one_step(name):
    """One step of torch.optim.<name> with its defaults on a 4 x 3 weight matrix."""
    if name == "SparseAdam":  # needs sparse gradients: the rows of a sparse embedding
        embedding = torch.nn.Embedding(4, 3, sparse=True)
        param = embedding.weight

        def loss():
            return embedding(torch.arange(4)).pow(2).sum()
    else:
        param = torch.randn(4, 3, requires_grad=True)

        def loss():
            return param.pow(2).sum()

    optimizer = getattr(torch.optim, name)([param])

    def closure():
        optimizer.zero_grad()
        value = loss()
        value.backward()
        return value

    optimizer.step(closure)
    return optimizer.defaults["lr"], param, optimizer.state[param]


for name in NAMES:
    lr, param, state = state_after_one_step(name)
    # The optimizer's memory: state tensors as large as the parameter (12 numbers),
    # smaller tensors with their shape, lists with their length (0-d scalars left out)
    full, small = [], []
    for key, value in sorted(state.items()):
        if torch.is_tensor(value) and value.numel() == param.numel():
            full.append(key)
        elif torch.is_tensor(value) and value.dim() > 0:
            small.append(f"{key}{tuple(value.shape)}")
        elif isinstance(value, list):
            small.append(f"{key}[{len(value)}]")
    line = f"{name:10} lr={lr:<6g} {len(full)}: {' '.join(full):22} {' '.join(small)}"
    print(line.rstrip())
