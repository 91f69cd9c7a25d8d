"""Guided lessons: the data files in ``assets/lessons/`` and their validation.

A lesson is one JSON file ``NN-<id>.json`` (``NN`` its two-digit ``order``) holding
``id``, ``order``, ``title`` and ``summary`` (each ``{"en": …, "ko": …}``) and ``pages``.
A page says which preset to load (or null to keep the current one), the step to move
to, which parts of the diagram to highlight, its title and body in every language,
and the checks that back its claims (see :mod:`simulator.lessons.checks`). The format
is described for authors in ``assets/lessons/README.md``; adding a lesson needs no code.

This module never imports Qt: the lesson panel reads :class:`Lesson` objects.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.core.errors import InputError
from simulator.document.paths import asset_path
from simulator.document.presets import list_presets, load_preset
from simulator.lessons.checks import LANGUAGES, CheckResult, run_check, validate_check
from simulator.lessons.training_checks import train_settings_problems

__all__ = ["HIGHLIGHT_KEYS", "LANGUAGES", "LESSON_DIR", "CheckResult", "Lesson", "LessonInfo", "Page",
           "list_lessons", "load_lesson", "run_check"]

LESSON_DIR = asset_path("lessons")  # in the checkout or the installed package (simulator.document.paths)
_COMMON = frozenset({"x", "h", "h_prev", "gradient_plot", "timeline", "gate_panel"})
#: The diagram parts a page may highlight, by cell kind.
HIGHLIGHT_KEYS: dict[str, frozenset[str]] = {
    "rnn": _COMMON,
    "lstm": _COMMON | {"f", "i", "g", "o", "c", "c_prev", "cell_line"},
    "gru": _COMMON | {"r", "z", "n", "one_minus_z"},
}
_FILE = re.compile(r"(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)\.json")
_LESSON_KEYS = {"id", "order", "title", "summary", "pages"}
_PAGE_KEYS = {"id", "preset", "step", "highlight", "unit", "play", "title", "body", "checks", "train"}
_PAGE_REQUIRED = _PAGE_KEYS - {"unit", "play", "train"}


@dataclass(frozen=True)
class Page:
    """One page of a lesson.

    Attributes
    ----------
    id : str
    preset : str or None
        The preset to load, or None to keep the current one.
    current_preset : str
        The preset shown on this page: ``preset``, or the one an earlier page loaded.
    kind : {"rnn", "lstm", "gru"}
        The cell kind of ``current_preset``.
    step : int
    highlight : tuple of str
        Keys of :data:`HIGHLIGHT_KEYS` for ``kind``.
    unit : int or None
        The unit to select, or None to keep the selection.
    play : bool
        Whether the page suggests pressing play.
    title, body : dict of str to str
        By language code; the body is Markdown-lite (``**bold**``, ```code```).
    checks : tuple of dict
        Validated checks, each with its ``preset`` filled in.
    train : dict or None
        Settings for the Train panel (``training_checks.TRAIN_KEYS``) the page sets up, or None.
    """

    id: str
    preset: str | None
    current_preset: str
    kind: str
    step: int
    highlight: tuple[str, ...]
    unit: int | None
    play: bool
    title: dict[str, str]
    body: dict[str, str]
    checks: tuple[dict[str, Any], ...]
    train: dict[str, Any] | None = None

    def run_checks(self) -> list[CheckResult]:
        """Measure every check of the page against the engine."""
        text = {lang: f"{self.title[lang]}\n{self.body[lang]}" for lang in LANGUAGES}
        return [run_check(check, text) for check in self.checks]


@dataclass(frozen=True)
class LessonInfo:
    """What a lesson menu shows, in one language."""

    id: str
    order: int
    title: str
    summary: str
    pages: int


@dataclass(frozen=True)
class Lesson:
    """A validated lesson; ``path`` is its file."""

    id: str
    order: int
    title: dict[str, str]
    summary: dict[str, str]
    pages: tuple[Page, ...]
    path: Path

    def page_text(self, index: int, lang: str = "en") -> tuple[str, str]:
        """The ``(title, body)`` of page ``index`` in ``lang`` (one of :data:`LANGUAGES`)."""
        if lang not in LANGUAGES:
            raise InputError(f"unknown language {lang!r}; lessons come in {', '.join(LANGUAGES)}")
        page = self.pages[index]
        return page.title[lang], page.body[lang]

    def info(self, lang: str = "en") -> LessonInfo:
        """The menu entry in ``lang``."""
        return LessonInfo(self.id, self.order, self.title[lang], self.summary[lang], len(self.pages))


# -- reading -------------------------------------------------------------------------------
def _paths() -> dict[str, Path]:
    """Lesson id -> file, for every ``NN-<id>.json`` in :data:`LESSON_DIR`."""
    if not LESSON_DIR.is_dir():
        return {}
    out: dict[str, Path] = {}
    for path in sorted(LESSON_DIR.glob("*.json")):
        match = _FILE.fullmatch(path.name)
        if not match:
            raise InputError(f"lessons/{path.name}: a lesson file is named NN-<id>.json")
        if match[2] in out:
            raise InputError(f"lessons/{path.name}: lesson id {match[2]!r} is used twice")
        out[match[2]] = path
    return out


def _texts(value: Any, where: str) -> dict[str, str]:
    """A ``{"en": …, "ko": …}`` text with every language present and non-empty."""
    if not isinstance(value, dict) or set(value) != set(LANGUAGES):
        got = sorted(value) if isinstance(value, dict) else type(value).__name__
        raise ValueError(f"{where} needs exactly the languages {list(LANGUAGES)}, got {got}")
    empty = [lang for lang, text in value.items() if not (isinstance(text, str) and text.strip())]
    if empty:
        raise ValueError(f"{where} is empty in {empty}")
    return {lang: value[lang].strip() for lang in LANGUAGES}


def _int(value: Any, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{where} must be an integer in {low}..{high}, got {value!r}")
    return value


def _page(data: Any, current: str | None, presets: dict[str, tuple[str, int, int]]) -> Page:
    """One page, validated against the presets; ``current`` is the preset already shown."""
    if not isinstance(data, dict):
        raise ValueError("a page must be an object")
    unknown, missing = set(data) - _PAGE_KEYS, _PAGE_REQUIRED - set(data)
    if unknown or missing:
        raise ValueError(f"unknown keys {sorted(unknown)}" if unknown else f"missing keys {sorted(missing)}")
    preset = data["preset"]
    if preset is not None and preset not in presets:
        raise ValueError(f"unknown preset {preset!r}; known presets: {', '.join(presets)}")
    current = preset or current
    if current is None:
        raise ValueError("the first page must name a preset")
    kind, length, hidden = presets[current]
    highlight = data["highlight"]
    if not isinstance(highlight, list) or not all(isinstance(k, str) for k in highlight):
        raise ValueError("highlight must be a list of diagram part keys")
    wrong = [k for k in highlight if k not in HIGHLIGHT_KEYS[kind]]
    if wrong:
        raise ValueError(f"highlight {wrong} is not a part of the {kind.upper()} view "
                         f"(known: {', '.join(sorted(HIGHLIGHT_KEYS[kind]))})")
    unit = data.get("unit")
    if unit is not None:
        _int(unit, "unit", 0, hidden - 1)
    if not isinstance(data.get("play", False), bool):
        raise ValueError("play must be true or false")
    train = data.get("train")
    if train is not None and train_settings_problems(train):
        raise ValueError(f"train: {'; '.join(train_settings_problems(train))}")
    if not isinstance(data["checks"], list):
        raise ValueError("checks must be a list")
    checks = []
    for n, check in enumerate(data["checks"]):
        if isinstance(check, dict) and "presets" not in check and check.get("type") != "text_mentions":
            check = {"preset": current, **check}
        problems = validate_check(check, presets)
        if problems:
            raise ValueError(f"check {n}: {'; '.join(problems)}")
        checks.append(check)
    return Page(id=data["id"], preset=preset, current_preset=current, kind=kind,
                step=_int(data["step"], "step", 0, length - 1), highlight=tuple(highlight), unit=unit,
                play=data.get("play", False), title=_texts(data["title"], "title"),
                body=_texts(data["body"], "body"), checks=tuple(checks), train=train)


def _preset_table() -> dict[str, tuple[str, int, int]]:
    """Preset id -> (kind, number of steps, hidden size)."""
    table = {}
    for info in list_presets():
        session = load_preset(info.id)
        table[info.id] = (session.cell.kind, len(session.inputs), session.cell.hidden_size)
    return table


def _lesson(lesson_id: str, path: Path, presets: dict[str, tuple[str, int, int]]) -> Lesson:
    name = f"lessons/{path.name}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        raise InputError(f"{name}: cannot read ({err})") from None
    try:
        if not isinstance(data, dict) or set(data) != _LESSON_KEYS:
            got = sorted(data) if isinstance(data, dict) else type(data).__name__
            raise ValueError(f"a lesson has exactly the keys {sorted(_LESSON_KEYS)}, got {got}")
        if data["id"] != lesson_id or _int(data["order"], "order", 0, 99) != int(path.name[:2]):
            raise ValueError(f"id {data['id']!r} and order {data['order']!r} must match the file name")
        pages = data["pages"]
        if not isinstance(pages, list) or not pages:
            raise ValueError("pages must be a non-empty list")
        title, summary = _texts(data["title"], "title"), _texts(data["summary"], "summary")
    except ValueError as err:
        raise InputError(f"{name}: {err}") from None
    out: list[Page] = []
    for n, page in enumerate(pages):
        page_id = page.get("id") if isinstance(page, dict) else None
        where = f"{name}, page {n + 1}" + (f" ({page_id!r})" if page_id else "")
        try:
            if not (isinstance(page_id, str) and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", page_id)):
                raise ValueError(f"page id must be a lower-case-slug, got {page_id!r}")
            if page_id in {p.id for p in out}:
                raise ValueError(f"page id {page_id!r} is used twice")
            out.append(_page(page, out[-1].current_preset if out else None, presets))
        except ValueError as err:  # InputError is a ValueError too: from a preset file
            raise InputError(f"{where}: {err}") from None
    return Lesson(id=lesson_id, order=data["order"], title=title, summary=summary, pages=tuple(out),
                  path=path)


def load_lesson(lesson_id: str) -> Lesson:
    """The lesson ``lesson_id`` (the file ``NN-<lesson_id>.json``), validated.

    Raises
    ------
    InputError
        An unknown id (the known ones are listed), or a malformed file; the message
        names the file and the page.
    """
    paths = _paths()
    if lesson_id not in paths:
        known = ", ".join(paths) or f"none (no lesson files in {LESSON_DIR})"
        raise InputError(f"unknown lesson {lesson_id!r}; known lessons: {known}")
    return _lesson(lesson_id, paths[lesson_id], _preset_table())


def list_lessons(lang: str = "en") -> list[LessonInfo]:
    """Every lesson in :data:`LESSON_DIR`, validated, in order, with texts in ``lang``.

    Raises
    ------
    InputError
        An unknown language or a malformed lesson file.
    """
    if lang not in LANGUAGES:
        raise InputError(f"unknown language {lang!r}; lessons come in {', '.join(LANGUAGES)}")
    presets = _preset_table()
    lessons = [_lesson(lesson_id, path, presets) for lesson_id, path in _paths().items()]
    orders = [lesson.order for lesson in lessons]
    if len(set(orders)) != len(orders):
        raise InputError(f"lessons: two lesson files share an order number ({sorted(orders)})")
    return [lesson.info(lang) for lesson in sorted(lessons, key=lambda lesson: lesson.order)]
