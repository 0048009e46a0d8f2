"""Colours shared by all figures (colour-blind-safe Okabe–Ito hues)."""

BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
RED = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#666666"
