"""Who is due for erasure: the pure rule, over plain data."""

import datetime

from partnering.ops.retention_rules import Employment, add_months, due_on

NORTH, SOUTH, WEST = 1, 2, 3
D = datetime.date


def test_a_leaver_is_due_the_day_after_their_period_has_passed_and_not_before():
    employments = [Employment(7, NORTH, D(2020, 3, 31))]
    assert due_on(D(2021, 3, 31), employments, {NORTH: 12}) == []  # kept up to and including the last day
    [due] = due_on(D(2021, 4, 1), employments, {NORTH: 12})
    assert (due.person_id, due.council_id, due.months, due.keep_until) == (7, NORTH, 12, D(2021, 3, 31))


def test_someone_still_employed_anywhere_is_never_due():
    employments = [Employment(7, NORTH, D(2015, 1, 1)), Employment(7, SOUTH, None)]
    assert due_on(D(2030, 1, 1), employments, {NORTH: 1, SOUTH: 1}) == []


def test_an_employment_ending_in_the_future_keeps_them():
    assert due_on(D(2025, 1, 1), [Employment(7, NORTH, D(2025, 6, 30))], {NORTH: 1}) == []


def test_with_several_councils_the_period_that_runs_out_last_decides():
    employments = [Employment(7, NORTH, D(2020, 1, 31)), Employment(7, SOUTH, D(2020, 1, 31))]
    months = {NORTH: 12, SOUTH: 72}
    assert due_on(D(2023, 1, 1), employments, months) == []  # North's year has passed; South's six years have not
    [due] = due_on(D(2026, 2, 1), employments, months)
    assert (due.council_id, due.months, due.keep_until) == (SOUTH, 72, D(2026, 1, 31))


def test_a_later_leaving_date_at_a_shorter_period_can_decide():
    employments = [Employment(7, NORTH, D(2020, 1, 1)), Employment(7, SOUTH, D(2024, 6, 1))]
    [due] = due_on(D(2030, 1, 1), employments, {NORTH: 24, SOUTH: 12})
    assert (due.council_id, due.keep_until) == (SOUTH, D(2025, 6, 1))


def test_a_council_that_has_set_no_period_keeps_its_leavers_data():
    employments = [Employment(7, NORTH, D(2010, 1, 1)), Employment(8, WEST, D(2010, 1, 1)), Employment(9, SOUTH, D(2010, 1, 1))]
    due = due_on(D(2030, 1, 1), employments, {NORTH: 12, WEST: None})  # West: "until we say"; South: no rule at all
    assert [row.person_id for row in due] == [7]


def test_worked_for_a_council_without_a_period_keeps_them_whatever_the_others_say():
    employments = [Employment(7, NORTH, D(2010, 1, 1)), Employment(7, WEST, D(2010, 1, 1))]
    assert due_on(D(2030, 1, 1), employments, {NORTH: 1}) == []


def test_nobody_without_an_employment_is_due():
    assert due_on(D(2030, 1, 1), [], {NORTH: 1}) == []


def test_months_are_added_to_the_calendar_clamping_to_the_end_of_a_short_month():
    assert add_months(D(2023, 8, 31), 6) == D(2024, 2, 29)
    assert add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert add_months(D(2020, 3, 15), 72) == D(2026, 3, 15)
