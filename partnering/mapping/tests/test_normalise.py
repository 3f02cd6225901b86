import datetime
from decimal import Decimal

import pytest

from partnering.mapping.importers import normalise
from partnering.mapping.importers.fields import field_for_header, header_key


@pytest.mark.parametrize("raw, pence", [
    ("£1,250.00", 125000), ("1250", 125000), (1250, 125000), (1250.5, 125050), ("£ 1,250", 125000), ("1,000,000", 100000000),
    ("GBP 99.99", 9999), ("0", 0), (" 12 ", 1200), ("n/a", None), ("", None), (None, None), ("-", None), ("N/A", None),
])
def test_money_in_any_common_form_becomes_whole_pence(raw, pence):
    assert normalise.pence(raw) == pence


@pytest.mark.parametrize("raw, reason", [
    ("-5", "must not be negative"), ("(100)", "must not be negative"), ("abc", "is not a number"), ("£1.2.3", "is not a number"),
    (datetime.date(2024, 3, 12), "is a date"), (datetime.datetime(2024, 3, 12, 9, 0), "is a date"), ("12/03/2024", "looks like a date"),
    (True, "yes/no"), ("NaN", "is not a number"), ("inf", "is not a number"),
])
def test_bad_numbers_are_refused_with_a_reason(raw, reason):
    with pytest.raises(normalise.BadValue, match=reason):
        normalise.pence(raw)


@pytest.mark.parametrize("raw, value", [("12", 12), (12.0, 12), ("1,200", 1200), ("1 200", 1200), ("", None), ("n/a", None)])
def test_whole_numbers_stored_as_text_or_floats_are_read(raw, value):
    assert normalise.whole_number(raw) == value


def test_counts_must_be_whole():
    with pytest.raises(normalise.BadValue, match="whole number"):
        normalise.whole_number("12.5")


@pytest.mark.parametrize("raw, value", [("3.5", Decimal("3.50")), ("3.5 hrs", Decimal("3.50")), ("6 hours", Decimal("6.00")), (7, Decimal("7.00"))])
def test_hours_accept_a_unit_word(raw, value):
    assert normalise.hours(raw) == value


@pytest.mark.parametrize("raw, code", [
    ("face to face", "classroom"), ("F2F", "classroom"), ("Classroom", "classroom"), ("e-learning", "e-learning"),
    ("eLearning", "e-learning"), ("online module", "e-learning"), ("Webinar", "live-online"), ("virtual classroom", "live-online"),
    ("Blended", "blended"), ("Coaching/mentoring", "coaching"), ("mentoring", "coaching"), ("Conference", "event"),
    ("conference/event", "event"), ("", None), ("n/a", None),
])
def test_delivery_methods_are_recognised(raw, code):
    assert normalise.delivery_method(raw) == code


def test_unknown_delivery_method_lists_the_choices():
    with pytest.raises(normalise.BadValue, match="Classroom, E-learning, Live online"):
        normalise.delivery_method("telepathy")


@pytest.mark.parametrize("raw, code", [
    ("in house", "in-house"), ("In-house", "in-house"), ("internal", "in-house"), ("external", "external"),
    ("commissioned", "external"), ("Ext.", "external"), ("EXT", "external"), ("External (commissioned)", "external"),
])
def test_provider_types_are_recognised(raw, code):
    assert normalise.provider_type(raw) == code


@pytest.mark.parametrize("raw, value", [("yes", True), ("Y", True), ("no", False), ("N", False), (True, True), ("", None)])
def test_yes_no(raw, value):
    assert normalise.yes_no(raw) == value


@pytest.mark.parametrize("raw, value", [("L3", "Level 3"), ("level 5", "Level 5"), ("3", "Level 3"), (3, "Level 3"), ("Entry", "Entry")])
def test_levels_are_written_one_way(raw, value):
    assert normalise.level(raw) == value


@pytest.mark.parametrize("raw", ["Total", "TOTALS", "Grand total", "Sub-total", "Sum", "Cyfanswm"])
def test_totals_labels_are_recognised(raw):
    assert normalise.looks_like_total(raw)


def test_a_course_about_totals_is_not_a_totals_row():
    assert not normalise.looks_like_total("Total reward for managers")


@pytest.mark.parametrize("header, field", [
    ("Course Title", "title"), ("No. of Learners (2024/25)", "learners_per_year"), ("Cost (£)", "annual_cost_gbp"),
    ("In-house/External", "provider_type"), ("Supplier", "provider_name"), ("Duration (hours)", "duration_hours"),
    ("Annual spend", "annual_cost_gbp"), ("Delegates", "learners_per_year"), ("Learners 2024", "learners_per_year"), ("Mystery", None),
])
def test_common_header_names_are_recognised(header, field):
    assert field_for_header(header) == field


def test_header_keys_ignore_case_punctuation_and_brackets():
    assert header_key("  No. of LEARNERS (2024/25) ") == "no of learners"
