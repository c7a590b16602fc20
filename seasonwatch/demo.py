"""`run.py --demo`: two mornings of news, offline, from sample sources served on loopback.

Day 1 finds the first stories; day 2 shows what Season Watch is for: re-posts and late
reports are recognised, an unchanged feed answers 304, structured sources confirm what outlets
said, and only genuinely new stories are emitted. Overnight the editor has added one new cast
member to an article, so that suggested update is marked done on day 2.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from scrapers import SOURCE_TYPES
from seasonwatch.config import Config, load_config
from seasonwatch.console import Console
from seasonwatch.lock import RunLock
from seasonwatch.pipeline import RunOptions, run
from seasonwatch.sample_server import SampleServer

DEMO_DATA = Path(__file__).resolve().parent / "demo_data"
DAYS = ("day1", "day2")


def prepare(work: Path, server_url: str) -> Path:
    """A fresh demo folder with a real config.toml pointing at the loopback server."""
    for part in ("public", "state", "outbox", "articles"):
        shutil.rmtree(work / part, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    shutil.copytree(DEMO_DATA / "articles", work / "articles")
    text = (DEMO_DATA / "config.toml").read_text(encoding="utf-8")
    text = text.replace("@SERVER@", server_url).replace("@DEMO@", DEMO_DATA.as_posix())
    config_path = work / "config.toml"
    config_path.write_text(text, encoding="utf-8")
    return config_path


def run_demo(console: Console, options: RunOptions) -> int:
    """The demo in ./seasonwatch-demo. A dry demo runs in a temporary folder it removes
    afterwards, so it leaves the current folder as it found it."""
    if options.dry_run:
        with tempfile.TemporaryDirectory(prefix="seasonwatch-demo-") as scratch:
            _mornings(console, options, Path(scratch))
            console.say(f"\nDry run: the demo ran in {scratch}, now removed; nothing was written here.")
        return 0
    work = (Path.cwd() / "seasonwatch-demo").resolve()
    work.mkdir(exist_ok=True)  # an ordinary folder: the lock would make a missing one private (0700)
    # locked before prepare() empties the folders a running demo writes to; the lock file lies
    # outside them, so emptying them cannot release it
    with RunLock(work / "demo"):
        config = _mornings(console, options, work)
    _show_outputs(console, config)
    return 0


def _mornings(console: Console, options: RunOptions, work: Path) -> Config:
    today = options.now or datetime.now(UTC).replace(microsecond=0)
    with SampleServer(DEMO_DATA / DAYS[0]) as server:
        path = prepare(work, server.base_url)
        config = load_config(path, SOURCE_TYPES)
        console.say(f"Season Watch demo: sample sources served at {server.base_url}, output in {work}")
        for number, day in enumerate(DAYS, start=1):
            server.root = DEMO_DATA / day
            edits = DEMO_DATA / day / "articles"
            if edits.is_dir():  # the editor updated an article overnight, as the suggestions asked
                shutil.copytree(edits, work / "articles", dirs_exist_ok=True)
            # a dry demo runs the mornings before the last for real in its scratch folder: the
            # last one is only worth showing against what they learned
            dry = options.dry_run and number == len(DAYS)
            # one morning a day, the last one today: each digest is labelled with its own day
            morning = today - timedelta(days=len(DAYS) - number)
            what = "what a dry run would emit" if dry else "what the daily run does"
            console.say(f"\n=== Day {number} ({morning:%b %-d}): {what} ===")
            run(config, dataclasses.replace(options, dry_run=dry, now=morning), console)
    return config


def _show_outputs(console: Console, config: Config) -> None:
    public = config.site.output_dir
    digests = sorted(config.email.outbox_dir.glob("*.eml"))
    console.say("\nDone. Open these:")
    console.say(f"  {public / 'index.html'}          the site: recent stories by show")
    console.say(f"  {public / 'feed.xml'}            RSS for all shows (also atom.xml, feed.json)")
    for show in config.shows:
        console.say(f"  {public / 'shows' / (show.slug + '.xml')}  RSS for {show.name}")
    for digest in digests:
        console.say(f"  {digest}  a digest e-mail (open it in a mail client)")
    console.say(f"  {public / 'digests'}/            the same digests as web pages")
    for show in config.shows:
        console.say(f"  {public / 'shows' / (show.slug + '.html')}  the status board, conflicts and timeline of {show.name}")
        console.say(f"  {public / 'suggestions' / (show.slug + '.md')}  suggested updates to its article")
    console.say(f"\nFor example: xdg-open {public / 'index.html'}   (or open it in any browser)")
    console.say("The sample sources are gone now; `python run.py --demo` runs both days again from the start.")
