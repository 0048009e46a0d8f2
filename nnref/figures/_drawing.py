"""Small drawing helpers shared by several figure modules (not a topic: no ``FIGURES``)."""

from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from nnref.figures.palette import GREY


def unit_cell(
    ax: Axes,
    x: float,
    y: float,
    face: str,
    text: str | None = None,
    edge: str = GREY,
    color: str = "black",
    fontsize: float = 10,
    **patch_style,
) -> None:
    """A unit cell whose lower-left corner is (x, y), with optional centred text.

    Args:
        ax: the axes to draw on.
        x: left edge of the cell.
        y: bottom edge of the cell.
        face: fill colour.
        text: written in the centre of the cell if given.
        edge: colour of the border (0.8 wide).
        color: colour of the text.
        fontsize: size of the text.
        **patch_style: further ``Rectangle`` properties (``alpha``, ``linestyle``...).
    """
    ax.add_patch(
        Rectangle((x, y), 1, 1, facecolor=face, edgecolor=edge, linewidth=0.8, **patch_style)
    )
    if text is not None:
        ax.text(x + 0.5, y + 0.5, text, ha="center", va="center", color=color, fontsize=fontsize)
