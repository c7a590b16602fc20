"""One run at a time: an advisory lock beside the state file.

The lock is held by the open file, so a run that is killed releases it at once; nothing stale
is left to clean up. The file is opened without following a symbolic link and used only when it
is a plain file of our own (a link planted there must not make a run truncate its target), and
the run checks, before it commits and sends and again at the end, that the name still leads to
the file it locked: a lock file deleted under a running run would let a second one start.
"""

from __future__ import annotations

import fcntl
import os
import stat
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from seasonwatch.errors import LockFailed, RunLocked


class RunLock:
    def __init__(self, state_path: Path) -> None:
        self.path = state_path.with_name(state_path.name + ".lock")
        self._handle: int | None = None

    def __enter__(self) -> RunLock:
        for _ in range(3):  # the name may be replaced between opening and locking: then again
            handle = self._open()
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(handle, 200, 0).decode("utf-8", "replace").strip()
                os.close(handle)
                raise RunLocked(
                    f"another run holds {self.path}{f' ({holder})' if holder else ''}; not starting"
                ) from None
            except OSError as exc:
                os.close(handle)
                raise LockFailed(f"cannot lock {self.path}: {exc.strerror or exc}") from None
            if self._names(handle):
                os.ftruncate(handle, 0)
                os.pwrite(handle, f"pid {os.getpid()}, started {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC\n".encode(), 0)
                self._handle = handle
                return self
            os.close(handle)
        raise LockFailed(f"{self.path} keeps being replaced while this run locks it; not starting")

    def _open(self) -> int:
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC | getattr(os, "O_NONBLOCK", 0)
            handle = os.open(self.path, flags, 0o600)
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(self.path) else ""
            if os.path.islink(self.path):
                raise LockFailed(
                    f"{self.path} is a symbolic link, not a lock file Season Watch made: remove it"
                ) from None
            raise LockFailed(f"cannot create the lock file {self.path}: {exc.strerror or exc}{where}") from None
        info = os.fstat(handle)
        problem = (
            "is not a plain file"
            if not stat.S_ISREG(info.st_mode)
            else f"belongs to user {info.st_uid}, not to this one ({os.geteuid()})"
            if info.st_uid != os.geteuid()
            else "has other names (hard links)"
            if info.st_nlink != 1
            else ""
        )
        if problem:
            os.close(handle)
            raise LockFailed(f"{self.path} {problem}: it is not a lock file Season Watch made; remove it")
        return handle

    def _names(self, handle: int) -> bool:
        """Whether the lock file's name still leads to the file locked through `handle`."""
        try:
            named = os.stat(self.path, follow_symlinks=False)
        except OSError:
            return False
        held = os.fstat(handle)
        return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)

    def verify(self) -> None:
        """Raise LockFailed unless this run still holds the lock under its name: called before
        anything is committed or sent, so two runs never both do that."""
        if self._handle is not None and not self._names(self._handle):
            raise LockFailed(
                f"the lock file {self.path} was removed or replaced while this run held it, so another run may "
                "have started alongside; stopping before committing or sending anything more"
            )

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        still_ours = self._names(handle)
        os.ftruncate(handle, 0)
        fcntl.flock(handle, fcntl.LOCK_UN)
        os.close(handle)
        if not still_ours and kind is None:
            raise LockFailed(
                f"the lock file {self.path} was removed or replaced while this run held it; another run may have "
                "run alongside (each digest is still sent at most once: they are claimed in the state file)"
            )
