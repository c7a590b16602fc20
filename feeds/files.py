"""Writing output files so a reader never sees half of one, and only where they belong.

Outputs go into folders Season Watch owns: a subfolder that is a symbolic link (planted to make
a run write elsewhere) is refused, never written through; a file that is not ours where one of
ours goes is replaced by ours, never kept in its place. A temporary file left by a run killed
between writing and renaming is removed by the next run.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from pathlib import Path

# what mkstemp(prefix=".<name>.", suffix=".tmp") makes: ".feed.xml.k2j4_x9a.tmp"
_TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


class UnsafeOutput(OSError):
    """An output that would have to be written through a symbolic link; str() says which."""

    def __init__(self, folder: Path) -> None:
        target = os.readlink(folder) if folder.is_symlink() else "?"
        self.message = (
            f"{folder} is a symbolic link (to {target}); Season Watch never writes through one: "
            "replace it with a real folder"
        )
        super().__init__(self.message)
        self.strerror, self.filename = self.message, str(folder)

    def __str__(self) -> str:
        return self.message


def write_atomically(path: Path, data: bytes | str, mode: int = 0o644, root: Path | None = None) -> Path:
    """Write to a temporary file beside `path`, flush it to disk, then rename it into place.

    `mode` is the file's permissions: readable by all by default (a web server publishes the
    outputs); 0o600 for files only their owner may read (a message with its recipients).
    `root` is the folder the outputs belong to (the configured one, which may itself be a link):
    every folder below it on the way to `path` must be a real one, or UnsafeOutput is raised."""
    if root is None:
        path.parent.mkdir(parents=True, exist_ok=True)
    else:
        _real_folders(root, path.parent)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)  # replaces whatever the name held (a link too), never its target
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def write_once(path: Path, data: bytes | str, mode: int = 0o644, root: Path | None = None) -> str:
    """A file that never changes once written (a digest's page, its .eml): "kept" when `path`
    already holds exactly `data` in a plain file, "written" when there was nothing, "replaced"
    when something else was there (planted, or damaged): ours goes in its place."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        write_atomically(path, payload, mode, root)
        return "written"
    if stat.S_ISREG(info.st_mode) and info.st_size == len(payload) and path.read_bytes() == payload:
        if root is not None:
            _real_folders(root, path.parent)
        return "kept"
    write_atomically(path, payload, mode, root)
    return "replaced"


def _real_folders(root: Path, folder: Path) -> None:
    """`folder` and every folder between it and `root`, created as needed; UnsafeOutput for one
    that is a symbolic link."""
    root.mkdir(parents=True, exist_ok=True)
    relative = folder.relative_to(root)
    current = root
    for part in relative.parts:
        current = current / part
        if current.is_symlink():
            raise UnsafeOutput(current)
        current.mkdir(exist_ok=True)


def remove_stale_temporaries(*folders: Path) -> list[Path]:
    """Remove the temporary files a killed run left in `folders` and their subfolders (web
    servers often serve dot files). Only names write_atomically makes, only plain files, and
    never through a link; the caller holds the run lock, so no run is writing them now."""
    removed = []
    for folder in folders:
        for directory in (folder, *_subfolders(folder)):
            with contextlib.suppress(OSError):
                for entry in os.scandir(directory):
                    if _TEMPORARY.match(entry.name) and entry.is_file(follow_symlinks=False):
                        with contextlib.suppress(OSError):
                            os.unlink(entry.path)
                            removed.append(Path(entry.path))
    return removed


def _subfolders(folder: Path) -> list[Path]:
    try:
        return [Path(entry.path) for entry in os.scandir(folder) if entry.is_dir(follow_symlinks=False)]
    except OSError:
        return []
