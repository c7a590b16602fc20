"""Where a run's time goes: wall and CPU seconds per phase, for `bench/run_bench.py`.

Set SEASONWATCH_PHASES to a file name and a real run writes its phases there as JSON when it
ends; unset (as in every ordinary run), nothing is written and the cost is a few clock reads.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PHASES_ENV = "SEASONWATCH_PHASES"


class Phases:
    def __init__(self) -> None:
        # CPU before the run began: the interpreter, the imports and the config
        self.cpu: dict[str, float] = {"start-up": time.process_time()}
        self.wall: dict[str, float] = {}
        self.counts: dict[str, float] = {}

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall[name] = self.wall.get(name, 0.0) + time.perf_counter() - wall
            self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - cpu

    def count(self, name: str, value: float) -> None:
        self.counts[name] = self.counts.get(name, 0.0) + value

    def write(self) -> None:
        target = os.environ.get(PHASES_ENV)
        if target:
            Path(target).write_text(json.dumps({"cpu": self.cpu, "wall": self.wall, "counts": self.counts}))


# the run in progress (one per process: a cron run is one process)
current = Phases()


def start() -> Phases:
    global current
    current = Phases()
    return current
