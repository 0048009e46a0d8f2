import torch
import torch.nn.functional as F


def confident(frames, num_classes):
    """Log-probabilities of a network that is sure of one class per frame."""
    return F.one_hot(torch.tensor(frames), num_classes).float().mul(20).log_softmax(1)


def ctc(log_probs, target):
    lengths = torch.tensor(len(log_probs)), torch.tensor(len(target))
    return F.ctc_loss(log_probs, torch.tensor(target), *lengths, reduction="sum").item()


def greedy_decode(log_probs, blank=0):
    """Best class per frame, repeats merged, blanks dropped."""
    best = torch.unique_consecutive(log_probs.argmax(1))
    return best[best != blank].tolist()


# Digits 0-9 as classes 0-9 with the default blank=0: the digit 0 is also the blank
log_probs = confident([1, 1, 0, 3, 3], num_classes=10)  # the network spells "1 0 3"
print("blank=0 shared with digit 0:")
print("  loss for 1 0 3:", round(ctc(log_probs, [1, 0, 3]), 4))
print("  loss for 1 3:  ", round(ctc(log_probs, [1, 3]), 4))
print("  decoded:", greedy_decode(log_probs))

# Right: reserve class 0 for the blank and shift every digit by one (11 classes)
log_probs = confident([2, 2, 1, 4, 4], num_classes=11)
print("blank=0 reserved, digit d is class d + 1:")
print("  loss for 1 0 3:", round(ctc(log_probs, [2, 1, 4]), 4))
print("  loss for 1 3:  ", round(ctc(log_probs, [2, 4]), 4))
print("  decoded (minus 1):", [c - 1 for c in greedy_decode(log_probs)])
