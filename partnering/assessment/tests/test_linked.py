"""Suppression across every breakdown a page offers: a figure hidden in one breakdown cannot be worked out from the
figures shown in the others (checked here against an independent rank test with numpy)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from partnering.assessment.anonymity import Table, linked_hidden


def tables_of(atoms, *keys):
    """A table per position of the atom key (council, role, wave …), each grouping the atoms by that part."""
    everyone = frozenset(atoms)
    out = {}
    for position, name in enumerate(keys):
        groups = {}
        for atom in atoms:
            groups.setdefault(atom[position], set()).add(atom)
        out[name] = Table(everyone, {g: frozenset(s) for g, s in groups.items()})
    return out


def solvable(target, shown, atoms):
    live = sorted(a for a, n in atoms.items() if n > 0)
    if not any(a in target for a in live):
        return False
    vec = lambda s: [1.0 if a in s else 0.0 for a in live]  # noqa: E731
    base = np.array([vec(s) for s in shown]) if shown else np.zeros((0, len(live)))
    rank = np.linalg.matrix_rank(base) if len(shown) else 0
    return np.linalg.matrix_rank(np.vstack([base, vec(target)])) == rank


def test_a_council_hidden_by_council_cannot_be_taken_from_its_partnership_shown_by_partnership():
    # Ash (3) and Birch (9) are the home partnership; Cedar (8) answered a partnership elsewhere.
    atoms = {("Ash", "Home"): 3, ("Birch", "Home"): 9, ("Cedar", "Away"): 8}
    everyone = frozenset(atoms)
    tables = {"council": Table(everyone, {c: frozenset({a for a in atoms if a[0] == c}) for c in ("Ash", "Birch", "Cedar")}),
              "partnership": Table(everyone, {p: frozenset({a for a in atoms if a[1] == p}) for p in ("Home", "Away")})}
    hidden = linked_hidden(atoms, tables, 5)
    ash, birch, home = tables["council"].groups["Ash"], tables["council"].groups["Birch"], tables["partnership"].groups["Home"]
    assert ash in hidden
    # Alone, the council breakdown would hide Ash and the next smallest, Cedar, and show Birch; then Home − Birch = Ash.
    assert birch in hidden or home in hidden
    shown = [s for t in tables.values() for s in (t.total, *t.groups.values()) if s not in hidden]
    assert not solvable(ash, shown, atoms)


def test_a_wave_too_small_to_show_cannot_be_taken_from_the_total_less_the_other_wave():
    atoms = {("Ash", "w1"): 3, ("Ash", "w2"): 10, ("Birch", "w2"): 9}
    tables = tables_of(atoms, "council", "wave")
    hidden = linked_hidden(atoms, tables, 5)
    w1, w2 = tables["wave"].groups["w1"], tables["wave"].groups["w2"]
    assert w1 in hidden and (w2 in hidden or tables["wave"].total in hidden)


def test_the_same_people_under_two_names_are_hidden_under_both():
    atoms = {("No council", "Clients"): 4}
    tables = tables_of(atoms, "council", "role")
    hidden = linked_hidden(atoms, tables, 5)
    assert tables["council"].groups["No council"] in hidden and tables["role"].groups["Clients"] in hidden


def test_nothing_is_hidden_when_every_group_in_every_breakdown_is_big_enough():
    atoms = {(c, r): 6 for c in ("Ash", "Birch") for r in ("lead", "staff")}
    tables = tables_of(atoms, "council", "role")
    # Ash = Everyone − Birch, but both are shown: nothing hidden is solved.
    assert linked_hidden(atoms, tables, 5) == set()


atoms_st = st.dictionaries(
    st.tuples(st.sampled_from(["Ash", "Birch", "Cedar", "Damson"]), st.sampled_from(["lead", "staff", "trainer"]),
              st.sampled_from(["w1", "w2", "w3"])),
    st.integers(0, 9), min_size=1, max_size=20)


@settings(max_examples=300, deadline=None)
@given(atoms=atoms_st, min_group=st.integers(3, 6))
def test_no_hidden_figure_in_any_breakdown_can_be_solved_from_every_figure_shown_on_the_page(atoms, min_group):
    tables = tables_of(atoms, "council", "role", "wave")
    hidden = linked_hidden(atoms, tables, min_group)
    n = lambda s: sum(atoms[a] for a in s)  # noqa: E731
    sets = [s for t in tables.values() for s in (t.total, *t.groups.values())]
    shown = list(dict.fromkeys(s for s in sets if s not in hidden))
    for s in shown:
        assert n(s) >= min_group, "a figure for fewer than the minimum is shown"
    for table in tables.values():
        for s in table.groups.values():
            assert s in hidden or n(s) >= min_group
        hid = [s for s in table.groups.values() if s in hidden]
        if hid and table.total not in hidden:
            assert len(hid) >= 2 and sum(n(s) for s in hid) >= min_group, "one breakdown's hidden groups can be pinned down"
    for h in hidden:
        assert not solvable(h, [s for s in shown if n(s) > 0], atoms), "a hidden figure is solved from the shown ones"
    for big in shown:
        for small in shown:
            if small < big:
                assert not 0 < n(big) - n(small) < min_group, "two shown figures differ by a handful of people"
