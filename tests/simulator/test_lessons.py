"""The lessons: every file loads, every claim holds against the engine, both languages, the seed's order."""

from __future__ import annotations

import copy
import json
import re
import shutil

import numpy as np
import pytest

from simulator import InputError, run
from simulator.document.presets import load_preset
from simulator.lessons import catalog as lessons_module
from simulator.lessons.catalog import LANGUAGES, LESSON_DIR, list_lessons, load_lesson, run_check
from simulator.lessons.checks import CHECK_FIELDS, CheckResult

ORDER = ["rnn-long-term", "lstm", "gru", "lstm-or-gru", "why-lstm-learns"]
LESSONS = {lesson_id: load_lesson(lesson_id) for lesson_id in ORDER}
CHECKS = [pytest.param(lesson.id, page, n, check, marks=[pytest.mark.slow] if check.get("slow") else [])
          for lesson in LESSONS.values() for page in lesson.pages for n, check in enumerate(page.checks)]
CHECK_IDS = [f"{lesson_id}/{page.id}/{n}-{check['type']}"
             for lesson_id, page, n, check in (c.values for c in CHECKS)]
SEED_TERMS = {"rnn-long-term": ["장기 의존성", "기울기 소실", "기울기 폭발", "은닉 상태"],
              "lstm": ["망각 게이트", "입력 게이트", "출력 게이트", "셀 상태"],
              "gru": ["리셋 게이트", "업데이트 게이트", "후보 은닉 상태", "최종 은닉 상태"],
              "lstm-or-gru": ["장기 의존성", "실시간"],
              "why-lstm-learns": ["장기 의존성", "기울기 소실", "망각 게이트", "셀 상태"]}
# The seed text's sections in its order, each by the terms that name it in a Korean page title.
SEED_SECTIONS = [("은닉 상태",), ("장기 의존성", "기울기 소실", "기울기 폭발"), ("게이트가 있는 RNN",),
                 ("LSTM",), ("셀 상태",), ("망각 게이트",), ("입력 게이트",), ("출력 게이트",), ("GRU",),
                 ("리셋 게이트",), ("업데이트 게이트",), ("후보 은닉 상태", "최종 은닉 상태"),
                 ("LSTM과 GRU",)]
HANGUL = re.compile(r"[가-힣]")


def _text(page, lang: str) -> dict[str, str]:
    return {lang: f"{page.title[lang]}\n{page.body[lang]}"}


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


# -- the files ---------------------------------------------------------------------------------
def test_lessons_are_listed_in_order_in_both_languages():
    for lang in LANGUAGES:
        infos = list_lessons(lang)
        assert [i.id for i in infos] == ORDER and [i.order for i in infos] == [1, 2, 3, 4, 5]
        assert all(i.title and i.summary and 4 <= i.pages <= 8 for i in infos)
    assert HANGUL.search(list_lessons("ko")[0].title) and not HANGUL.search(list_lessons("en")[0].title)
    assert sorted(p.name for p in LESSON_DIR.glob("*.json")) == [
        "01-rnn-long-term.json", "02-lstm.json", "03-gru.json", "04-lstm-or-gru.json",
        "05-why-lstm-learns.json"]


@pytest.mark.parametrize("lesson_id", ORDER)
def test_every_page_has_text_in_both_languages(lesson_id):
    lesson = LESSONS[lesson_id]
    for n, page in enumerate(lesson.pages):
        for lang in LANGUAGES:
            title, body = lesson.page_text(n, lang)
            assert title.strip() and body.strip()
            assert bool(HANGUL.search(title + body)) == (lang == "ko"), (page.id, lang)
            assert 2 <= len(_sentences(body)) <= 6, (page.id, lang, len(_sentences(body)))
        assert page.title["en"] != page.title["ko"] and page.body["en"] != page.body["ko"]


@pytest.mark.parametrize("lesson_id", ORDER)
def test_korean_text_uses_the_seed_terms(lesson_id):
    lesson = LESSONS[lesson_id]
    korean = " ".join(lesson.title["ko"] + lesson.summary["ko"] + p.title["ko"] + p.body["ko"]
                      for p in lesson.pages)
    assert [t for t in SEED_TERMS[lesson_id] if t not in korean] == []


def test_lessons_follow_the_seed_order():
    """Sections appear (first time) in page titles in the seed's order, every lesson by its first page."""
    first_seen: list[int] = []
    for lesson in LESSONS.values():
        for page in lesson.pages:
            found = [k for k, terms in enumerate(SEED_SECTIONS) if any(t in page.title["ko"] for t in terms)]
            if found and max(found) not in first_seen:
                first_seen.append(max(found))
    assert first_seen == sorted(first_seen)
    assert set(first_seen) == set(range(len(SEED_SECTIONS)))  # every section is taught


@pytest.mark.parametrize(("lesson_id", "page", "n", "check"), CHECKS, ids=CHECK_IDS)
def test_check_holds(lesson_id, page, n, check):
    result = run_check(check, _text(page, check.get("lang", "en")))
    assert isinstance(result, CheckResult)
    assert result.ok, result.message


def test_every_page_that_states_a_number_has_a_numeric_check():
    for lesson in LESSONS.values():
        for page in lesson.pages:
            prose = re.sub(r"`[^`]*`", "", page.body["en"])  # formulas in code spans are not claims
            numeric = [c for c in page.checks if c["type"] not in ("text_mentions", "step_time")]
            assert numeric or not re.search(r"\d", prose), f"{lesson.id}/{page.id} states numbers unchecked"


def test_gradient_checks_look_at_the_page_step():
    """The gradient view differentiates the current step, so a gradient claim must be about that step."""
    for lesson in LESSONS.values():
        for page in lesson.pages:
            for check in page.checks:
                if check["type"].startswith("gradient") and check["preset"] == page.current_preset:
                    assert check["end"] == page.step, f"{lesson.id}/{page.id}"


def test_every_check_type_is_used():
    assert {c.values[3]["type"] for c in CHECKS} == set(CHECK_FIELDS)


def test_the_gru_lesson_states_pytorchs_update_convention():
    session = load_preset("gru-holds")
    trace = run(session.cell, session.inputs)
    z, n, h = trace.gates["z"], trace.gates["n"], trace.h
    h_prev = np.vstack([session.h0, h[:-1]])
    assert np.allclose(h, z * h_prev + (1 - z) * n, atol=1e-12)  # z = 1 keeps the old state
    page = next(p for p in LESSONS["gru"].pages if p.id == "update-gate")
    assert "z ⊙ h_prev + (1 − z) ⊙ n" in page.body["en"] and "z = 1" in page.body["ko"]


# -- every claim can fail: make each check's claim slightly wrong -------------------------------
def _falsified(check: dict, measured) -> dict:
    bad = copy.deepcopy(check)
    kind = check["type"]
    if kind == "memory_below":
        bad["within"] = int(measured) - 1
    elif kind in ("gradient_drop", "gradient_growth"):
        bad["factor"] = measured * 1.5
    elif kind in ("gradient_kept", "value_held"):
        bad["min" if kind == "gradient_kept" else "ratio"] = measured * 1.01 + 1e-6
    elif kind in ("step_gain", "gate_range", "value_range"):
        hi = measured[1]
        bad.pop("max", None)
        bad["min"] = hi + 1e-3 * max(1.0, abs(hi))
    elif kind == "traces_match":
        bad["quantities"] = ["h", "h"]  # the LSTM's h is a squashed copy: it differs
    elif kind in ("parameter_count", "state_size"):
        bad["equals"] += 1
    elif kind == "trained":  # claim just above (or below) what the run measured
        side = "min" if "min" in check else "max"
        bad[side] = measured + (0.01 if side == "min" else -0.01)
    elif kind == "text_mentions":
        bad["terms"] = [*bad["terms"], "no such phrase"]
    return bad


ASSERTED = [(c, i) for c, i in zip(CHECKS, CHECK_IDS, strict=True) if c.values[3]["type"] != "step_time"]


@pytest.mark.parametrize(("lesson_id", "page", "n", "check"), [c for c, _ in ASSERTED],
                         ids=[i for _, i in ASSERTED])
def test_a_wrong_claim_fails(lesson_id, page, n, check):
    text = _text(page, check.get("lang", "en"))
    measured = run_check(check, text).measured
    result = run_check(_falsified(check, measured), text)
    assert not result.ok, result.message


def test_a_wrong_threshold_fails():
    check = {"type": "memory_below", "preset": "rnn-pulse-fades", "pulse": 3, "threshold": 0.1, "within": 6}
    assert run_check(check).ok and run_check(check).measured == 3
    assert not run_check({**check, "threshold": 0.001}).ok  # a thousandth takes longer than six steps


def test_step_time_is_reported_not_asserted():
    result = run_check({"type": "step_time", "preset": "compare-gru", "repeats": 2})
    assert result.ok and result.measured > 0 and "µs per step" in result.message


# -- the API -------------------------------------------------------------------------------------
def test_pages_resolve_the_current_preset():
    lesson = LESSONS["lstm"]
    assert [p.current_preset for p in lesson.pages[:2]] == ["lstm-first-look"] * 2
    assert lesson.pages[1].preset is None and lesson.pages[5].preset == "lstm-holds-200"
    assert lesson.pages[0].play and lesson.pages[0].kind == "lstm"
    assert lesson.page_text(2, "ko")[0] == "망각 게이트"


def test_unknown_lesson_language_and_page():
    with pytest.raises(InputError, match=r"known lessons: rnn-long-term, lstm, gru, lstm-or-gru"):
        load_lesson("no-such-lesson")
    with pytest.raises(InputError, match="unknown language"):
        LESSONS["gru"].page_text(0, "fr")
    with pytest.raises(InputError, match="unknown language"):
        list_lessons("de")
    with pytest.raises(IndexError):
        LESSONS["gru"].page_text(99)


def test_no_lesson_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(lessons_module, "LESSON_DIR", tmp_path / "missing")
    assert list_lessons() == []
    with pytest.raises(InputError, match="no lesson files"):
        load_lesson("lstm")


# -- malformed files ----------------------------------------------------------------------------
def _page(data, n=1):
    return data["pages"][n]


BREAKAGES = {
    "unknown lesson key": (lambda d: d.update(extra=1), r"got \['extra'"),
    "missing summary": (lambda d: d.pop("summary"), "exactly the keys"),
    "id not the file name": (lambda d: d.update(id="other"), "match the file name"),
    "missing korean title": (lambda d: _page(d)["title"].pop("ko"), r"page 2 .*languages"),
    "empty korean body": (lambda d: _page(d)["body"].update(ko="  "), r"page 2 .*empty in \['ko'\]"),
    "unknown page key": (lambda d: _page(d).update(colour="red"), r"page 2 .*unknown keys \['colour'\]"),
    "unknown preset": (lambda d: _page(d).update(preset="lstm-nope"), r"page 2 .*unknown preset 'lstm-nope'"),
    "step past the end": (lambda d: _page(d).update(step=40), r"page 2 .*step must be .* 0\.\.39"),
    "gru part on an lstm": (lambda d: _page(d).update(highlight=["z"]), r"page 2 .*\['z'\] is not a part"),
    "unknown highlight": (lambda d: _page(d).update(highlight=["forget"]), r"page 2 .*'forget'"),
    "unit out of range": (lambda d: _page(d).update(unit=4), r"page 2 .*unit must be .* 0\.\.3"),
    "play not a bool": (lambda d: _page(d).update(play="yes"), r"page 2 .*play must be"),
    "first page keeps a preset": (lambda d: _page(d, 0).update(preset=None), r"page 1 .*first page"),
    "duplicate page id": (lambda d: _page(d).update(id=_page(d, 0)["id"]), r"page 2 .*used twice"),
    "unknown check type": (lambda d: _page(d)["checks"].append({"type": "vibes"}), "check type 'vibes'"),
    "unknown check field": (lambda d: _page(d)["checks"][0].update(tolerance=1), r"check 0: .*'tolerance'"),
    "check step past the end": (lambda d: _page(d)["checks"][0].update(steps=[6, 99]), r"step 99 outside"),
    "gate of another kind": (lambda d: _page(d, 2)["checks"][0].update(gate="z"),
                             r"page 3 \('forget-gate'\): check 0: the LSTM cell has no gate 'z'"),
    "threshold as text": (lambda d: _page(d)["checks"][0].update(min="0.9"), r"'min' must be float"),
    "text check in klingon": (lambda d: _page(d)["checks"].append(
        {"type": "text_mentions", "lang": "tlh", "terms": ["x"]}), "lang 'tlh'"),
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_malformed_lesson_names_the_file_and_page(breakage, tmp_path, monkeypatch):
    data = json.loads((LESSON_DIR / "02-lstm.json").read_text(encoding="utf-8"))
    break_it, pattern = BREAKAGES[breakage]
    break_it(data)
    (tmp_path / "02-lstm.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(lessons_module, "LESSON_DIR", tmp_path)
    with pytest.raises(InputError, match=r"lessons/02-lstm\.json") as err:
        load_lesson("lstm")
    assert re.search(pattern, str(err.value)), str(err.value)
    with pytest.raises(InputError, match=r"02-lstm\.json"):
        list_lessons()


@pytest.mark.parametrize(("name", "content", "pattern"), [
    ("03-gru.json", "{not json", "cannot read"),
    ("03-gru.json", "[1, 2]", "exactly the keys"),
    ("3-gru.json", "{}", "named NN-<id>.json"),
    ("03-GRU.json", "{}", "named NN-<id>.json"),
])
def test_unreadable_or_misnamed_file(name, content, pattern, tmp_path, monkeypatch):
    (tmp_path / name).write_text(content, encoding="utf-8")
    monkeypatch.setattr(lessons_module, "LESSON_DIR", tmp_path)
    with pytest.raises(InputError, match=rf"{re.escape(name)}.*{re.escape(pattern)}"):
        list_lessons()


def test_a_new_lesson_needs_no_code(tmp_path, monkeypatch):
    for path in LESSON_DIR.glob("*.json"):
        shutil.copy(path, tmp_path)
    data = json.loads((LESSON_DIR / "03-gru.json").read_text(encoding="utf-8"))
    data.update(id="gru-again", order=6)
    (tmp_path / "06-gru-again.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(lessons_module, "LESSON_DIR", tmp_path)
    assert [i.id for i in list_lessons("ko")] == [*ORDER, "gru-again"]
    assert load_lesson("gru-again").pages[0].current_preset == "gru-reset"
