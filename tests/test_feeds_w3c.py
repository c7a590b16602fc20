"""The real W3C feed validator on our feeds, when a checkout of it is at hand.

    SEASONWATCH_FEEDVALIDATOR=/path/to/feedvalidator \\
    SEASONWATCH_FEEDVALIDATOR_PYTHON=/path/to/a/python/with/lxml/html5lib/rdflib \\
    python -m pytest tests/test_feeds_w3c.py

Skipped otherwise: the validator is not a dependency of the project. tests/feed_rules.py holds
the rules it applies that our feeds rely on, and runs everywhere.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from output_samples import BASE_URL, edition, ordinary, tricky

import feeds

VALIDATOR = os.environ.get("SEASONWATCH_FEEDVALIDATOR", "")
PYTHON = os.environ.get("SEASONWATCH_FEEDVALIDATOR_PYTHON", sys.executable)

pytestmark = pytest.mark.skipif(
    not (VALIDATOR and (Path(VALIDATOR) / "src" / "feedvalidator").is_dir()),
    reason="set SEASONWATCH_FEEDVALIDATOR to a checkout of the W3C feed validator",
)

# validates each file as if fetched from its published URL (so the self-link check is real) and
# prints the events the online validator would show, as JSON
SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])
import feedvalidator
from feedvalidator import compatibility
from feedvalidator.formatter.text_plain import Formatter
from feedvalidator.logging import Error
results = {}
for path, url in zip(sys.argv[2::2], sys.argv[3::2]):
    with open(path, "rb") as stream:
        events = feedvalidator.validateString(stream.read(), firstOccurrenceOnly=1, base=url)["loggedEvents"]
    events = compatibility.AA(events)
    results[path] = [
        {"level": "error" if isinstance(e, Error) else "warning", "kind": type(e).__name__, "text": text}
        for e, text in zip(events, Formatter(events))
    ]
print(json.dumps(results))
"""

# Entries first seen in the same run share their `updated` time, truthfully; the validator's own
# documentation says no action is needed when they really were updated together.
ACCEPTED_WARNINGS = {"DuplicateUpdated"}


def validate(folder: Path) -> dict[str, list[dict[str, str]]]:
    names = ["feed.xml", "atom.xml", *(f"shows/{p.name}" for p in sorted((folder / "shows").glob("*.xml")))]
    arguments = [str(Path(VALIDATOR) / "src")]
    for name in names:
        arguments += [str(folder / name), BASE_URL + name]
    done = subprocess.run([PYTHON, "-c", SCRIPT, *arguments], capture_output=True, text=True, timeout=300, check=True)
    return {Path(path).relative_to(folder).as_posix(): events for path, events in json.loads(done.stdout).items()}


@pytest.mark.parametrize("stories", [ordinary, lambda: ordinary() + tricky()], ids=["ordinary", "tricky"])
def test_the_w3c_validator_finds_no_errors(tmp_path, stories):
    feeds.write_outputs(edition(stories(), tmp_path), tmp_path)
    results = validate(tmp_path)
    assert set(results) == {"feed.xml", "atom.xml", "shows/jessica-jones.xml", "shows/the-expanse.xml"}
    for name, events in results.items():
        assert [e for e in events if e["level"] == "error"] == [], name
        assert [e for e in events if e["kind"] not in ACCEPTED_WARNINGS] == [], name
