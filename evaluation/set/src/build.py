"""Builds ../stories.json and ../runs/run{1,2,3}.json from the hand-written sources here, and
checks them. Run from anywhere: python3 evaluation/set/src/build.py"""

import json
import os
import sys
import tomllib
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SET = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import observations  # noqa: E402
import run1  # noqa: E402
import run2  # noqa: E402
import run3  # noqa: E402
import stories  # noqa: E402

WHY_ITEM = {"new", "same", "late", "repost", "article", "clash", "untracked", "passing", "roundup"}
WHY_OBS = {"baseline", "confirm", "change", "article"}
NULL_WHY = {"article", "clash", "untracked", "passing", "roundup", "repost", "baseline"}
KINDS = {"premiere", "finale", "episodes", "network", "status", "renewal", "cancellation", "cast"}


def build():
    runs = []
    for mod, n in ((run1, 1), (run2, 2), (run3, 3)):
        items = sorted(mod.ITEMS, key=lambda r: (r["published"], r["source"]))
        runs.append({"now": mod.NOW, "updates": items, "observations": observations.for_run(n)})
    return stories.as_json(), runs


def check(story_map, runs):
    errors = []
    with open(os.path.join(SET, "shows.toml"), "rb") as stream:
        configured = tomllib.load(stream)["shows"]
    shows = {s["name"] for s in configured}
    for s in configured:
        if not os.path.exists(os.path.join(SET, s["article"])):
            errors.append(f"missing article {s['article']}")
    for k, v in story_map.items():
        if v["show"] not in shows:
            errors.append(f"story {k}: unknown show {v['show']}")
        if v["topic"] not in {"Renewal", "Release Date", "Cast", "Story"}:
            errors.append(f"story {k}: bad topic")
    first_run = {}  # story -> first run it appears in
    openers = defaultdict(list)  # story -> rows with why new/change
    seen_guids, seen_urls = {}, {}
    prev_now = "2019-05-03T00:00:00Z"
    for n, run in enumerate(runs, 1):
        labels_this_run = defaultdict(list)
        for u in run["updates"]:
            for f in ("source", "title", "summary", "url", "guid", "published", "label", "why"):
                if f not in u:
                    errors.append(f"run{n}: item without {f}: {u.get('title')}")
            if u["why"] not in WHY_ITEM:
                errors.append(f"run{n}: bad why {u['why']}")
            if not (prev_now < u["published"] <= run["now"]):
                errors.append(f"run{n}: published {u['published']} outside this run's window: {u['title']}")
            if u["label"] is None and u["why"] not in NULL_WHY:
                errors.append(f"run{n}: null label with why={u['why']}: {u['title']}")
            if u["label"] is not None and u["why"] in NULL_WHY - {"repost"}:
                errors.append(f"run{n}: label with why={u['why']}: {u['title']}")
            if u["label"] is not None and u["label"] not in story_map:
                errors.append(f"run{n}: unknown label {u['label']}")
            if u["why"] == "repost":
                if not any(
                    u["source"] == o["source"] and u["url"].split("?")[0] == o["url"].split("?")[0]
                    for r in runs[:n]
                    for o in r["updates"]
                    if o is not u and o["published"] < u["published"]
                ):
                    errors.append(f"run{n}: repost without original: {u['title']}")
            else:
                if u["guid"] in seen_guids:
                    errors.append(f"run{n}: guid reused by a distinct item: {u['guid']}")
                if u["url"] in seen_urls:
                    errors.append(f"run{n}: url reused by a distinct item: {u['url']}")
            seen_guids.setdefault(u["guid"], u)
            seen_urls.setdefault(u["url"], u)
            if u["label"]:
                labels_this_run[u["label"]].append(u)
        for o in run["observations"]:
            if o["why"] not in WHY_OBS or o["kind"] not in KINDS:
                errors.append(f"run{n}: bad observation {o}")
            if o["label"] is None and o["why"] not in {"baseline", "article"}:
                errors.append(f"run{n}: null observation with why={o['why']}")
            if o["label"] is not None and o["label"] not in story_map:
                errors.append(f"run{n}: unknown label {o['label']}")
            if o["kind"] in {"premiere", "finale"} and o["value"] and len(o["value"]) != 10:
                errors.append(f"run{n}: bad date {o}")
            if o["label"]:
                labels_this_run[o["label"]].append(o)
        for lab, rows in labels_this_run.items():
            first_run.setdefault(lab, n)
            for r in rows:
                if r["why"] in {"new", "change"}:
                    openers[lab].append((n, r))
                if r["why"] in {"late"} and first_run[lab] == n:
                    errors.append(f"run{n}: 'late' for a story first seen this run: {lab}")
                if (
                    r["why"] in {"same", "confirm"}
                    and first_run[lab] == n
                    and not any(x["why"] in {"new", "change"} for x in rows)
                ):
                    errors.append(f"run{n}: '{r['why']}' without a 'new' in this run: {lab}")
            news = [r for r in rows if r["why"] in {"new", "change"}]
            if news and first_run[lab] == n:
                # the opener must be the earliest outlet report of the story in this run
                ups = [r for r in rows if "published" in r and r["why"] in {"new", "same"}]
                if ups and min(ups, key=lambda r: r["published"])["why"] != "new":
                    errors.append(f"run{n}: the 'new' item of {lab} is not the earliest")
        prev_now = run["now"]
    for lab in story_map:
        if lab not in first_run:
            errors.append(f"story {lab} has no item or observation")
        if len(openers[lab]) != 1:
            errors.append(f"story {lab}: {len(openers[lab])} new/change rows (want exactly 1)")
        elif openers[lab][0][0] != first_run[lab]:
            errors.append(f"story {lab}: opener not in its first run")
    return errors


def main():
    story_map, runs = build()
    errors = check(story_map, runs)
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    with open(os.path.join(SET, "stories.json"), "w", encoding="utf-8") as f:
        json.dump(story_map, f, ensure_ascii=False, indent=1)
        f.write("\n")
    for n, run in enumerate(runs, 1):
        with open(os.path.join(SET, "runs", f"run{n}.json"), "w", encoding="utf-8") as f:
            json.dump(run, f, ensure_ascii=False, indent=1)
            f.write("\n")
    for n, run in enumerate(runs, 1):
        print(
            f"run{n}: {len(run['updates'])} items {dict(Counter(u['why'] for u in run['updates']))}; "
            f"{len(run['observations'])} observations {dict(Counter(o['why'] for o in run['observations']))}"
        )
    print(f"{len(story_map)} stories to emit")


if __name__ == "__main__":
    main()
