"""Words have one home: `seasonwatch.lexicon`. Outside it, no code, comment or pattern spells a
network, a month, a weekday or a negation of its own, and no code outside the fact-kind registry
and the extractors tests a fact's kind by name. (Rule examples and docstrings may say anything:
they are text about the rules, not word lists the rules use.)"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

from seasonwatch.fact_kinds import FACT_KINDS
from seasonwatch.lexicon.calendar import MONTH_NAMES, WEEKDAYS
from seasonwatch.lexicon.negation import NEGATION_WORDS
from seasonwatch.lexicon.networks import NETWORKS

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("newsdesk", "scrapers", "feeds", "seasonwatch")
LEXICON = ROOT / "seasonwatch" / "lexicon"
# where facts are made and where kinds are defined: these may name a kind
KIND_HOMES = (ROOT / "seasonwatch" / "fact_kinds.py", ROOT / "newsdesk" / "extract", ROOT / "scrapers")
# calls whose string arguments are examples of a rule
EXAMPLE_CALL = re.compile(r"(?:^|_)(?:example|e|pair|phrase|fact_example|cast|premiere|footage_fact)$", re.I)

NAMED = re.compile(
    r"(?<![\w+])(?:" + "|".join(re.escape(w) for w in (*NETWORKS, *MONTH_NAMES, *WEEKDAYS)) + r")(?![\w+])"
)
NEGATION_IN_PATTERN = re.compile(
    r"(?<![A-Za-z'])(?:" + "|".join(re.escape(w) for w in NEGATION_WORDS).replace("'", "['’]?") + r")(?![A-Za-z'])",
    re.I,
)
# a fact's kind named in a test: `kind == "premiere"`, `.kind in ("cast", ...)`
KIND_NAME = "|".join(FACT_KINDS)
KIND_TEST = re.compile(rf"\bkind\s*(?:==|!=)\s*[\"'](?:{KIND_NAME})[\"']|\.kind\s+(?:not\s+)?in\s+[(\[{{]\s*[\"'](?:{KIND_NAME})")


def _sources() -> list[Path]:
    return [
        path
        for stage in STAGES
        for path in sorted((ROOT / stage).rglob("*.py"))
        if LEXICON not in path.parents and "demo_data" not in path.parts
    ]


def _example_strings(tree: ast.AST) -> set[int]:
    """ids of string constants that are rule examples or docstrings."""
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if EXAMPLE_CALL.search(name):
                exempt.update(id(n) for arg in node.args for n in ast.walk(arg))
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                exempt.add(id(first.value))
    return exempt


def _strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exempt = _example_strings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in exempt:
            found.append((node.lineno, node.value))
        if isinstance(node, ast.JoinedStr) and id(node) not in exempt:
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            found.append((node.lineno, text))
    return found


def _comments(path: Path) -> list[tuple[int, str]]:
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    return [(t.start[0], t.string) for t in tokens if t.type == tokenize.COMMENT]


def _looks_like_a_pattern(text: str) -> bool:
    return bool(re.search(r"\\b|\(\?|\\s", text))


def test_no_network_month_or_weekday_is_spelled_outside_the_lexicon():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {match.group(0)!r}"
        for path in _sources()
        for line, text in _strings(path) + _comments(path)
        for match in NAMED.finditer(text)
    ]
    assert not found, "\n".join(found)


def test_no_negation_is_spelled_in_a_pattern_outside_the_lexicon():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {match.group(0)!r} in {text[:60]!r}"
        for path in _sources()
        for line, text in _strings(path)
        if _looks_like_a_pattern(text)
        for match in NEGATION_IN_PATTERN.finditer(text)
    ]
    assert not found, "\n".join(found)


def test_no_kind_is_tested_by_name_outside_the_registry_and_the_extractors():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in _sources()
        if not any(path == home or home in path.parents for home in KIND_HOMES)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if KIND_TEST.search(line)
    ]
    assert not found, "\n".join(found)
