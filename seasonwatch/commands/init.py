"""`seasonwatch init [DIR]`: a folder ready for a first run, with a config that explains itself."""

from __future__ import annotations

import shutil
from pathlib import Path

from seasonwatch.commands import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from seasonwatch.console import Console

STARTER = Path(__file__).resolve().parent.parent / "starter"
ARTICLE = Path("articles") / "my-show-season-2.md"  # as the starter config names it
FOLDERS = ("articles", "state", "public", "outbox")  # as the starter config names them


def init_folder(folder: Path) -> int:
    config = folder / "config.toml"
    if config.exists():
        Console().error(f"{config} already exists; nothing was changed (edit it, or init another folder)")
        return EXIT_USAGE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name in FOLDERS:
            (folder / name).mkdir(exist_ok=True)
        written = [config]
        shutil.copyfile(STARTER / "config.toml", config)
        if not (folder / ARTICLE).exists():
            shutil.copyfile(STARTER / "article.md", folder / ARTICLE)
            written.append(folder / ARTICLE)
    except OSError as exc:
        Console().error(f"cannot set up {folder}: {exc.strerror or exc} ({exc.filename or folder})")
        return EXIT_FAILED
    here = folder.resolve()
    print(f"Set up {here}:")
    for path in written:
        print(f"  wrote {path.resolve().relative_to(here)}")
    print(f"  made  {', '.join(name + '/' for name in FOLDERS)}")
    print("Next:")
    print("  1. edit config.toml: your shows, their articles, your sources (and [email] to mail digests)")
    print(f"  2. cd {here} && seasonwatch check        is it all right? (--send-test tries the mail)")
    print("  3. seasonwatch --dry-run -v              what a run would find, and why")
    print("  4. seasonwatch                           the first real run; then the cron line in the README")
    return EXIT_OK
