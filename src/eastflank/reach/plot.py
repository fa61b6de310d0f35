"""Drawing the air-defence cover (matplotlib, no display needed)."""

from __future__ import annotations

from pathlib import Path

from eastflank.reach.cover import CoverResult
from eastflank.safeio import atomic_target

__all__ = ["write_cover_png"]


def write_cover_png(result: CoverResult, path: Path) -> None:
    """Bar chart of the covered shares per territory and target altitude, written atomically.

    Raises
    ------
    OutputError
        If the file cannot be written.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    terrs = list(dict.fromkeys(r.territory for r in result.rows))
    alts = list(dict.fromkeys(r.target_altitude_m for r in result.rows))
    fig, ax = plt.subplots(figsize=(7, 4))
    width = 0.8 / max(len(alts), 1)
    for j, alt in enumerate(alts):
        shares = [next(r.share for r in result.rows
                       if r.territory == t and r.target_altitude_m == alt) for t in terrs]
        ax.bar([i + j * width for i in range(len(terrs))], shares, width,
               label=f"target at {alt:g} m")
    ax.set_xticks([i + width * (len(alts) - 1) / 2 for i in range(len(terrs))], terrs)
    ax.set_ylabel("share of area covered")
    ax.set_ylim(0, 1)
    ax.set_title(f"Air-defence cover, {result.stage} ({result.basis} ranges)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    try:
        with atomic_target(Path(path), "PNG file") as tmp:
            fig.savefig(tmp, dpi=120, format="png")
    finally:
        plt.close(fig)
