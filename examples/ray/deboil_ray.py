"""deboil on Ray Data: files mode (the binary per task) and record mode (the package, or a pipe).

    python examples/ray/deboil_ray.py files  OUTDIR WARC_OR_JSONL...
    python examples/ray/deboil_ray.py python OUTDIR JSONL...
    python examples/ray/deboil_ray.py pipe   OUTDIR JSONL...

The same three ways as examples/spark/deboil_spark.py: files mode maps batches of paths to one
`deboil clean` run each into OUTDIR/tasks/task-NNNNN and merges the manifests in task order;
record mode maps batches of JSONL lines with `deboil.clean_records` or through
`deboil clean - --format jsonl`, and writes the records with Ray Data's write_json.
The binary is $DEBOIL_BIN, else `deboil` on the workers' PATH.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from typing import Dict, List

import numpy as np


def deboil_bin() -> str:
    return os.environ.get("DEBOIL_BIN") or shutil.which("deboil") or "deboil"


def files_mode(paths: List[str], out_dir: str, tasks: int = 2, binary: str | None = None) -> str:
    import ray

    binary = binary or deboil_bin()
    out_dir = os.path.abspath(out_dir)

    def clean_files(batch: Dict[str, np.ndarray]) -> Dict[str, np.ndarray]:
        # A fresh name per batch: Ray may retry a task, and no two runs share an OUTDIR.
        task_dir = os.path.join(out_dir, "tasks", f"task-{uuid.uuid4().hex}")
        command = [binary, "clean", *map(str, batch["path"]), "-o", task_dir, "--format", "jsonl", "--jobs", "1"]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-2000:]}")
        return {"first": np.array([str(batch["path"][0])]), "task_dir": np.array([task_dir])}

    paths = [os.path.abspath(path) for path in paths]
    batch_size = max(1, -(-len(paths) // tasks))
    rows = ray.data.from_items([{"path": p} for p in paths]).map_batches(clean_files, batch_size=batch_size).take_all()
    # Task order is input order: sort the tasks by the first path each cleaned.
    order = {path: i for i, path in enumerate(paths)}
    manifest = os.path.join(out_dir, "manifest.jsonl")
    with open(manifest + ".tmp", "w", encoding="utf-8") as merged:
        for row in sorted(rows, key=lambda row: order[row["first"]]):
            with open(os.path.join(row["task_dir"], "manifest.jsonl"), encoding="utf-8") as part:
                shutil.copyfileobj(part, merged)
    os.replace(manifest + ".tmp", manifest)
    return manifest


def _python_batch(batch: Dict[str, np.ndarray]) -> Dict[str, np.ndarray]:
    import deboil

    # Raw lines in, the CLI's record-mode lines out (error lines included): no JSON in Python.
    out = [line[:-1] for line in deboil.clean_records(list(batch["text"]), jobs=1)]
    return {"record": np.array(out, dtype=object)}


def _pipe_batch(batch: Dict[str, np.ndarray], binary: str) -> Dict[str, np.ndarray]:
    data = "".join(line + "\n" for line in batch["text"] if line.strip())
    if not data:
        return {"record": np.array([], dtype=object)}
    done = subprocess.run([binary, "clean", "-", "--format", "jsonl", "--jobs", "1"], input=data.encode(), capture_output=True)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"deboil exited {done.returncode}: {done.stderr.decode(errors='replace')[-2000:]}")
    return {"record": np.array(done.stdout.decode("utf-8").splitlines(), dtype=object)}


def record_mode(paths: List[str], mode: str, binary: str | None = None):
    """Dataset of JSONL input lines → dataset of `record` (one JSONL record a row)."""
    import ray

    lines = ray.data.read_text([os.path.abspath(p) for p in paths])
    if mode == "python":
        return lines.map_batches(_python_batch, batch_size=256)
    binary = binary or deboil_bin()
    return lines.map_batches(lambda batch: _pipe_batch(batch, binary), batch_size=256)


def main(argv: List[str]) -> int:
    if len(argv) < 4 or argv[1] not in ("files", "python", "pipe"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, out_dir, inputs = argv[1], argv[2], argv[3:]
    if mode == "files":
        print(files_mode(inputs, out_dir))
    else:
        record_mode(inputs, mode).map(lambda row: json.loads(row["record"])).write_json(out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
