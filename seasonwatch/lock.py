"""One run at a time: an advisory lock beside the state file.

The lock is held by the open file, so a run that is killed releases it at once; nothing stale
is left to clean up."""

from __future__ import annotations

import fcntl
import os
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType


class RunLocked(Exception):
    """Another run holds the lock; str() says which."""


class LockFailed(Exception):
    """The lock file cannot be created or locked (a file where a folder should be, no
    permission, a file system without locks); str() says why in one line."""


class RunLock:
    def __init__(self, state_path: Path) -> None:
        self.path = state_path.with_name(state_path.name + ".lock")
        self._handle: int | None = None

    def __enter__(self) -> RunLock:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(self.path) else ""
            raise LockFailed(f"cannot create the lock file {self.path}: {exc.strerror or exc}{where}") from None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(handle, 200, 0).decode("utf-8", "replace").strip()
            os.close(handle)
            raise RunLocked(f"another run holds {self.path}{f' ({holder})' if holder else ''}; not starting") from None
        except OSError as exc:
            os.close(handle)
            raise LockFailed(f"cannot lock {self.path}: {exc.strerror or exc}") from None
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"pid {os.getpid()}, started {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC\n".encode(), 0)
        self._handle = handle
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._handle is not None:
            os.ftruncate(self._handle, 0)
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            os.close(self._handle)
            self._handle = None
