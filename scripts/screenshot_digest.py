"""Screenshots of the digest as a reader sees it: light, dark and on a phone, in headless Chromium.

    python scripts/screenshot_digest.py [DIGEST.html] [--out DIR]

Without a file it runs the offline demo in a temporary folder and shots its newest digest. The
PNGs are for a person to look at (does the layout read well, is every colour legible in dark
mode, does nothing overflow on a phone); nothing here asserts anything.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name -> (window width, window height, extra Chromium switches)
VIEWS: dict[str, tuple[int, int, list[str]]] = {
    "light": (900, 2600, []),
    # --force-dark-mode makes the page see prefers-color-scheme: dark, as a mail client in dark mode
    "dark": (900, 2600, ["--force-dark-mode"]),
    "phone": (390, 3400, []),
    "phone-dark": (390, 3400, ["--force-dark-mode"]),
}


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def demo_digest(work: Path) -> Path:
    """Run the offline demo in `work` and return its newest digest page."""
    subprocess.run([sys.executable, str(ROOT / "run.py"), "--demo", "-q"], cwd=work, check=True)
    pages = sorted((work / "seasonwatch-demo" / "public" / "digests").glob("*.html"))
    if not pages:
        raise SystemExit("the demo wrote no digest")
    # the first day's digest has the most stories: the better picture of the grouping
    return pages[0]


def screenshot(chromium: str, page: Path, png: Path, width: int, height: int, switches: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="sw-chromium-") as profile:
        command = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            f"--screenshot={png}",
            *switches,
            page.resolve().as_uri(),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=120)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("digest", nargs="?", type=Path, help="a digests/<timestamp>.html page (default: the demo's)")
    parser.add_argument("--out", type=Path, default=Path("screenshots"), help="where the PNGs go")
    args = parser.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        print("chromium is not installed: nothing to do", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sw-demo-") as work:
        page = args.digest or demo_digest(Path(work))
        for name, (width, height, switches) in VIEWS.items():
            png = args.out / f"digest-{name}.png"
            screenshot(chromium, page, png.resolve(), width, height, switches)
            print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
