import datetime
import io

import torch
from torch import nn


def make():
    model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
    return model, torch.optim.Adam(model.parameters(), lr=1e-3)


torch.manual_seed(0)
model, optimizer = make()
buffer = io.BytesIO()
torch.save({"epoch": 3, "model": model.state_dict(), "optimizer": optimizer.state_dict()}, buffer)

buffer.seek(0)
checkpoint = torch.load(buffer, map_location="cpu")  # weights_only=True by default (torch >= 2.6)
restored, restored_optimizer = make()  # build the same architecture, then load into it
restored.load_state_dict(checkpoint["model"])
restored_optimizer.load_state_dict(checkpoint["optimizer"])
print("resume at epoch", checkpoint["epoch"] + 1)
x = torch.randn(2, 3)
print("same outputs:", torch.equal(model(x), restored(x)))


buffer = io.BytesIO()
torch.save({"saved_on": datetime.date(2026, 11, 22)}, buffer)  # an arbitrary Python object
buffer.seek(0)
try:
    torch.load(buffer)
except Exception as error:  # pickle.UnpicklingError: refused by weights_only=True
    print(type(error).__name__, "- weights_only=True refuses arbitrary objects")
