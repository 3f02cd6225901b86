"""The engine's messages: English as they are, translatable by the app that shows them.

The engine imports no Django, so each message is a template marked with `gettext_noop` (a name makemessages
extracts) and its params; the app renders it with `SpecError.translated(gettext)`."""

import ast
import pickle
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from partnering.costs.engine import apportion, grants, recharges
from partnering.costs.engine.money import SpecError, gettext_noop

ENGINE = Path(__file__).resolve().parents[1]
SOURCES = sorted(ENGINE.glob("*.py"))
PLACEHOLDER = re.compile(r"%\((\w+)\)s")

# A stand-in Welsh catalogue: the templates a reader of these tests can recognise, translated; the rest marked.
CATALOGUE = {
    "%(where)s: missing '%(field)s', needed by basis %(basis)s": "%(where)s: dim '%(field)s', sydd ei angen ar sail %(basis)s",
    "%(where)s: %(error)s": "%(where)s: %(error)s",
    "%(field)s: the parties' shares add up to %(sum)s, not exactly 100": "%(field)s: cyfanswm cyfrannau'r partïon yw %(sum)s, nid 100 yn union",
}


class FakeGettext:
    """Looks each message up in CATALOGUE and remembers what it was asked for."""

    def __init__(self):
        self.asked = []

    def __call__(self, message):
        self.asked.append(message)
        return CATALOGUE.get(message, f"[cy] {message}")


def _spec_error_calls():
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "SpecError":
                yield f"{path.name}:{node.lineno}", node


def test_every_engine_message_is_a_marked_template_with_exactly_the_params_it_names():
    calls = list(_spec_error_calls())
    assert len(calls) > 100  # every module's messages are found, not none
    for where, call in calls:
        assert len(call.args) == 1, f"{where}: SpecError takes one template and keyword params"
        marker = call.args[0]
        assert isinstance(marker, ast.Call) and isinstance(marker.func, ast.Name) and marker.func.id == "gettext_noop", \
            f"{where}: the template must be gettext_noop(...) so makemessages extracts it"
        assert len(marker.args) == 1 and isinstance(marker.args[0], ast.Constant) and isinstance(marker.args[0].value, str), \
            f"{where}: gettext_noop needs one constant string"
        template = marker.args[0].value
        params = [k.arg for k in call.keywords]
        assert None not in params, f"{where}: params are named one by one (no **)"
        assert set(PLACEHOLDER.findall(template)) == set(params), f"{where}: {template!r} names other params than {params}"
        assert "%" not in PLACEHOLDER.sub("", template), f"{where}: only %(name)s placeholders in {template!r}"
        assert template.startswith(("%(field)s: ", "%(where)s: ")), f"{where}: the field it names is a param in {template!r}"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext's xgettext")
def test_makemessages_extraction_finds_every_engine_template():
    # The options makemessages passes to xgettext for Python sources (django/core/management/commands/makemessages.py).
    out = subprocess.run(["xgettext", "--language=Python", "--keyword=gettext_noop", "--from-code=UTF-8", "--no-wrap", "--output=-",
                          *map(str, SOURCES)], capture_output=True, text=True, check=True).stdout
    extracted = {ast.literal_eval(m) for m in re.findall(r'^msgid (".*")$', out, flags=re.M)}
    templates = {call.args[0].args[0].value for _, call in _spec_error_calls()}
    assert templates <= extracted, sorted(templates - extracted)
    assert re.search(r"#, python-format\nmsgid \"%\(field\)s: missing\"", out)


def test_the_english_text_is_the_template_with_its_params():
    error = SpecError(gettext_noop("%(where)s: floor %(floor)s is above cap %(cap)s"), where="parties[1] (MTCBC)",
                      floor="20.00", cap="10.00")
    assert str(error) == "parties[1] (MTCBC): floor 20.00 is above cap 10.00"
    assert error.message == "%(where)s: floor %(floor)s is above cap %(cap)s"
    assert error.params == {"where": "parties[1] (MTCBC)", "floor": "20.00", "cap": "10.00"}


def test_a_missing_figure_is_translated_with_its_party_field_and_basis_left_as_they_are():
    spec = {"total": "100.00", "basis": "fixed", "parties": [{"id": "RCT", "share": "80"}, {"id": "MTCBC"}]}
    with pytest.raises(SpecError) as refusal:
        apportion.run(spec)
    gettext = FakeGettext()
    assert str(refusal.value) == "parties[1] (MTCBC): missing 'share', needed by basis fixed"
    assert refusal.value.translated(gettext) == "parties[1] (MTCBC): dim 'share', sydd ei angen ar sail fixed"
    assert gettext.asked == ["%(where)s: missing '%(field)s', needed by basis %(basis)s"]


def test_figures_made_by_the_engine_stay_as_it_wrote_them():
    with pytest.raises(SpecError) as refusal:
        apportion.run({"total": "100.00", "basis": "fixed", "parties": [{"id": "A", "share": "80"}, {"id": "B", "share": "30.5"}]})
    assert refusal.value.translated(FakeGettext()) == "share: cyfanswm cyfrannau'r partïon yw 110.5, nid 100 yn union"


def test_a_message_wrapped_with_where_it_happened_is_translated_inside_and_out():
    spec = {"councils": ["A", "B"], "bases": [{"from": "2024-04-01", "basis": "usage", "parties": [{"id": "A", "units": "1"}, {"id": "B"}]}]}
    with pytest.raises(SpecError) as refusal:
        recharges.run(spec)
    gettext = FakeGettext()
    assert str(refusal.value) == "bases[0] (from 2024-04-01): parties[1] (B): missing 'units', needed by basis usage"
    assert refusal.value.translated(gettext) == "bases[0] (from 2024-04-01): parties[1] (B): dim 'units', sydd ei angen ar sail usage"
    assert gettext.asked == ["%(where)s: %(error)s", "%(where)s: missing '%(field)s', needed by basis %(basis)s"]


def test_a_message_not_in_the_catalogue_comes_back_through_gettext_with_its_params():
    with pytest.raises(SpecError) as refusal:
        grants.statement({"funders": [{"id": "ESF", "awarded": "100.00"}],
                          "amendments": [{"funder": "ESF", "date": "2024-05-01", "change": "-200.00", "reason": "cut"}]})
    assert refusal.value.translated(FakeGettext()) == "[cy] amendments[0] (ESF).change: takes the award below zero"


def test_an_error_survives_pickling_with_its_template_and_params():
    # A value holding "%" must not be read as a placeholder when the error is rebuilt (e.g. in another process).
    with pytest.raises(SpecError) as refusal:
        apportion.run({"total": "50%", "basis": "equal", "parties": [{"id": "A"}]})
    copy = pickle.loads(pickle.dumps(refusal.value))
    assert str(copy) == str(refusal.value) == "total: not a number: '50%'"
    assert copy.translated(FakeGettext()) == "[cy] total: not a number: '50%'"
