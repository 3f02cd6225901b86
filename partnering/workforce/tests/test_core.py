"""The pure cores against hand-worked cases: harmonisation (each option, on-costs, even counts, missing grades, leave),
its command line, a shared post's split and recharges, and the give and get of time."""

import datetime
import json
import subprocess
import sys
from decimal import Decimal as D

import pytest

from partnering.workforce import harmonise as h
from partnering.workforce import splits

TERMS = """council,grade,annual_pay,leave_days
A,G1,20000.00,25
B,G1,21000.00,27
C,G1,22500.00,30
A,G2,30000.00,25
B,G2,31000.01,28
"""
STAFF = """staff_id,council,grade,fte
s1,A,G1,1
s2,B,G1,0.5
s3,C,G1,1
s4,A,G2,1
s5,B,G2,0.6
"""


def run(to, on_cost="0", terms=TERMS, staff=STAFF):
    return h.harmonise(h.read_terms(terms), h.read_staff(staff), to, D(on_cost))


def test_harmonising_up_pays_everyone_the_highest_grade_pay():
    out = run("up")
    assert out["by_council"]["A"] == {"current": "50000.00", "harmonised": "53500.01", "change": "3500.01", "better_off": 2,
                                      "worse_off": 0, "unchanged": 0, "leave_days_per_fte": "4.00", "leave_change": "790.38"}
    assert out["by_council"]["B"]["current"] == "29100.01"  # 10,500 + 31,000.01 × 0.6 = 18,600.006 → 18,600.01
    assert out["by_council"]["B"]["change"] == "750.00"
    assert (out["by_council"]["B"]["better_off"], out["by_council"]["B"]["unchanged"]) == (1, 1)
    assert out["by_council"]["C"]["change"] == "0.00" and out["by_council"]["C"]["unchanged"] == 1
    assert out["total_change"] == "4250.01"


def test_harmonising_to_the_median_takes_the_middle_value_and_the_mean_of_two_for_an_even_count():
    assert h.targets(h.read_terms(TERMS), "median") == {"G1": D("21000.00"), "G2": D("30500.01")}  # 30,500.005 rounds half up
    out = run("median")
    assert out["by_council"]["A"]["change"] == "1500.01"
    assert out["by_council"]["B"]["change"] == "-300.00"
    assert out["by_council"]["B"]["worse_off"] == 1
    assert out["by_council"]["C"]["change"] == "-1500.00"
    assert out["total_change"] == "-299.99"


def test_harmonising_down_cuts_to_the_lowest_pay_rounded_to_the_penny():
    out = run("down")
    assert out["by_council"]["A"]["unchanged"] == 2
    assert out["by_council"]["B"]["change"] == "-1100.01"  # −500 and −600.006 → −600.01
    assert out["total_change"] == "-3600.01"


def test_harmonising_to_one_councils_terms_uses_its_pay_for_every_grade():
    out = run("B")
    assert [out["by_council"][c]["change"] for c in "ABC"] == ["2000.01", "0.00", "-1500.00"]
    assert out["total_change"] == "500.01"


def test_on_costs_multiply_each_persons_change_before_rounding():
    out = run("up", "28.5")
    assert out["by_council"]["A"]["current"] == "64250.00"
    assert out["by_council"]["A"]["change"] == "4497.51"  # 3,212.50 + 1,285.01285 → 1,285.01
    assert out["by_council"]["A"]["harmonised"] == "68747.51"
    assert out["by_council"]["B"]["change"] == "963.75"
    assert out["total_change"] == "5461.26"


def test_a_grade_the_target_council_lacks_is_an_error_naming_the_staff_row():
    with pytest.raises(h.InputError) as error:
        run("C")
    assert (error.value.file, error.value.row, error.value.column) == ("STAFF.csv", 5, "grade")
    assert "G2" in str(error.value)


def test_leave_is_reported_per_fte_and_costed_at_the_harmonised_pay_over_260_days():
    out = run("up")
    assert out["by_council"]["B"]["leave_days_per_fte"] == "1.36"  # 1.5 days over 1.1 FTE
    assert out["by_council"]["B"]["leave_change"] == "129.81"  # 3 × 0.5 × 22,500 ÷ 260
    assert out["leave_change"] == "920.19"


def test_without_leave_days_there_is_no_leave_figure():
    terms = "council,grade,annual_pay\nA,G1,100\nB,G1,200\n"
    out = run("up", terms=terms, staff="staff_id,council,grade,fte\nx,A,G1,1\n")
    assert "leave_change" not in out and "leave_change" not in out["by_council"]["A"]
    assert out["total_change"] == "100.00"


@pytest.mark.parametrize("terms, staff, where", [
    ("council,grade,annual_pay\nA,G1,lots\n", STAFF, ("TERMS.csv", 2, "annual_pay")),
    ("council,grade\nA,G1\n", STAFF, ("TERMS.csv", 1, "annual_pay")),
    ("council,grade,annual_pay\nA,G1,1\nA,G1,2\n", STAFF, ("TERMS.csv", 3, "grade")),
    (TERMS, "staff_id,council,grade,fte\ns1,A,G1,1.5\n", ("STAFF.csv", 2, "fte")),
    (TERMS, "staff_id,council,grade,fte\ns1,A,G1,1\ns1,B,G1,1\n", ("STAFF.csv", 3, "staff_id")),
    (TERMS, "staff_id,council,grade,fte\ns1,Z,G1,1\n", ("STAFF.csv", 2, "council")),
    (TERMS, "staff_id,council,grade,fte\ns1,C,G2,1\n", ("STAFF.csv", 2, "grade")),
])
def test_bad_files_name_the_file_row_and_column(terms, staff, where):
    with pytest.raises(h.InputError) as error:
        run("up", terms=terms, staff=staff)
    assert (error.value.file, error.value.row, error.value.column) == where


def _cli(tmp_path, *args, terms=TERMS, staff=STAFF):
    (tmp_path / "TERMS.csv").write_text(terms)
    (tmp_path / "STAFF.csv").write_text(staff)
    return subprocess.run([sys.executable, "-m", "partnering.workforce", "harmonise", str(tmp_path / "TERMS.csv"),
                           str(tmp_path / "STAFF.csv"), *args], capture_output=True, text=True)


def test_the_command_line_prints_the_figures_as_json(tmp_path):
    done = _cli(tmp_path, "--to", "median", "--on-cost", "0", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total_change"] == "-299.99"


def test_the_command_line_exits_2_naming_the_file_row_and_column(tmp_path):
    done = _cli(tmp_path, "--to", "up", "--json", staff="staff_id,council,grade,fte\ns1,A,G1,none\n")
    assert done.returncode == 2
    assert "STAFF.csv, row 2, column fte" in done.stderr


def test_the_command_line_refuses_an_unknown_target(tmp_path):
    done = _cli(tmp_path, "--to", "sideways", "--json")
    assert done.returncode == 2 and "--to" in done.stderr


# --- Splits and recharges ---------------------------------------------------------------------------

YEAR = (datetime.date(2025, 4, 1), datetime.date(2026, 3, 31))


def test_a_project_assistant_paid_two_days_from_a_grant_and_three_by_the_council_is_split_two_fifths_to_the_grant():
    lines = [splits.Line("grant", D("2"), council=False), splits.Line("schools", D("3"))]
    cost = splits.period_cost(2_400_000, datetime.date(2024, 9, 1), None, *YEAR)
    out = splits.recharges(employer="schools", mode=splits.RECHARGE, cost_pence=cost, lines=lines)
    assert [p for _line, p in out["shares"]] == [960_000, 1_440_000]
    assert out["claims"] == [("grant", 960_000)]
    assert out["recharges"] == []  # the employer does not recharge itself


def test_a_post_working_for_four_councils_recharges_the_other_three_and_the_odd_penny_goes_to_the_first():
    lines = [splits.Line(c, D("1.25")) for c in "ABCD"]
    out = splits.recharges(employer="A", mode=splits.RECHARGE, cost_pence=5_000_001, lines=lines)
    assert [p for _line, p in out["shares"]] == [1_250_001, 1_250_000, 1_250_000, 1_250_000]
    assert out["recharges"] == [("B", "A", 1_250_000), ("C", "A", 1_250_000), ("D", "A", 1_250_000)]


def test_a_post_starting_half_way_through_the_year_costs_the_days_it_runs():
    assert splits.period_cost(3_650_000, datetime.date(2025, 10, 1), None, *YEAR) == 1_820_000  # 182 of 365 days


def test_pooled_no_charge_records_the_time_and_produces_no_money():
    out = splits.recharges(employer="A", mode=splits.POOLED, cost_pence=5_000_000, lines=[splits.Line("B", D("2"))])
    assert out == {"shares": [(splits.Line("B", D("2")), None)], "recharges": [], "claims": []}


def test_days_a_week_are_shown_as_fte():
    assert splits.fte_of(D("2")) == D("0.400")


def test_balances_net_the_time_councils_gave_each_other_and_keep_cover_apart():
    out = splits.balances([
        splits.Time("A", "B", D("10")), splits.Time("B", "A", D("4")), splits.Time("A", "A", D("5")),
        splits.Time("C", "A", D("3"), cover=True),
    ], rate_pence=3000)
    assert out["councils"]["A"] == {"given": D("10"), "received": D("7"), "net": D("3"), "cover_given": D("0"), "cover_received": D("3")}
    assert out["pairs"] == {("A", "B"): D("6"), ("A", "C"): D("-3")}
    assert out["value"]["A"] == 9000 and out["value"]["B"] == -18000
