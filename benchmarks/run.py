"""Run every benchmark in this folder and print each against its named peer.

Each ``bench_*.py`` module defines ``run() -> list[dict]``; every dict has ``name``, ``ours_s``
(seconds per operation for eastflank), ``peer`` (the named peer implementation) and ``peer_s``,
plus optional extra keys printed as notes. The ratio printed is peer_s / ours_s: above 1 means
eastflank is faster than the peer.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    only = sys.argv[1:]
    rows: list[dict[str, object]] = []
    for path in sorted(HERE.glob("bench_*.py")):
        if only and path.stem.removeprefix("bench_") not in only:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"== {path.stem}", flush=True)
        for row in module.run():
            ours, peer = float(row["ours_s"]), float(row["peer_s"])
            ratio = peer / ours if ours > 0 else float("inf")
            extra = {k: v for k, v in row.items() if k not in {"name", "ours_s", "peer", "peer_s"}}
            print(f"  {row['name']}: eastflank {ours * 1e3:.3f} ms vs {row['peer']} "
                  f"{peer * 1e3:.3f} ms -> ratio {ratio:.1f}x"
                  + (f"  {json.dumps(extra)}" if extra else ""), flush=True)
            rows.append({**row, "ratio": ratio})
    out = HERE.parent / "benchmarks" / "results.json"
    out.write_text(json.dumps(rows, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
