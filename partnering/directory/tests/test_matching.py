"""The pure matcher against hand-worked cases (see the scoring in partnering/directory/matching.py)."""

from partnering.directory.matching import Candidate, Need, Skill, describe, rank, score

EQUALITY = Skill("Equality and diversity", ("Cydraddoldeb ac amrywiaeth", "Equalities"), depth=3)


def person(pid, council="swansea", skills=(EQUALITY,), **extra):
    return Candidate(pid, council, tuple(skills), **extra)


def codes(match):
    return [reason.code for reason in match.reasons]


def test_half_a_skill_named_in_the_need_scores_half_the_skill_points_plus_its_depth():
    # "equality training": "training" is generic, so of the name's words {equality, diversity} one is covered: 25 + expert 11.
    match = score(person("a", skills=[Skill("Equality and diversity", depth=3)]), Need("equality training"))
    assert match.score == 25 + 11
    assert codes(match) == ["skill", "depth", "availability_unknown"]


def test_a_skill_known_by_another_name_matches_in_full():
    # "Equalities" is one of the skill's other names and is wholly in the need: 50 + expert 11.
    match = score(person("a"), Need("Equalities training for managers"))
    assert match.score == 61
    assert match.reasons[0].values == {"skill": "Equality and diversity", "percent": 100, "as": "Equalities"}


def test_a_need_written_in_welsh_finds_the_skill_by_its_welsh_name():
    match = score(person("a"), Need("Hyfforddiant cydraddoldeb cyfrwng Cymraeg"))
    assert match is not None and match.reasons[0].values["as"] == "Cydraddoldeb ac amrywiaeth"
    assert match.score == 25 + 11


def test_a_glossary_synonym_in_the_need_stands_for_its_term():
    plain = Skill("Equality and diversity", depth=2)
    assert score(person("a", skills=[plain]), Need("EDI for team leaders")) is None
    match = score(person("a", skills=[plain]), Need("EDI for team leaders"), synonyms={"edi": "equality and diversity"})
    assert match.score == 50 + 7


def test_welsh_medium_in_the_need_is_how_help_is_given_not_a_welsh_language_skill():
    tutor = person("t", skills=[Skill("Welsh language", depth=4)], welsh_level=5, delivers_in_welsh=True)
    assert score(tutor, Need("Welsh-medium equality training", welsh=True)) is None


def test_someone_with_no_skill_for_the_need_is_not_a_match():
    assert score(person("a", skills=[Skill("Manual handling", depth=4)]), Need("equality training")) is None


def test_welsh_medium_is_a_requirement_not_a_bonus():
    expert = person("expert", skills=[Skill("Equality and diversity", depth=4)], welsh_level=2, delivers_in_welsh=False)
    speaker = person("speaker", skills=[Skill("Equality and diversity", depth=1)], welsh_level=5, delivers_in_welsh=True)
    # In English the expert comes first (25 + 15 against 25 + 3) ...
    assert [(m.person_id, m.score) for m in rank([speaker, expert], Need("equality training"))] == [("expert", 40), ("speaker", 28)]
    # ... in Welsh the expert is left out however good, and the speaker gains 2 a level.
    assert [(m.person_id, m.score) for m in rank([speaker, expert], Need("equality training", welsh=True))] == [("speaker", 38)]


def test_people_from_other_councils_come_before_equally_good_people_from_the_requesters_own():
    own, other = person("a1", "swansea"), person("b2", "bridgend")
    assert [m.person_id for m in rank([own, other], Need("equalities"))] == ["a1", "b2"]  # no requester: by id
    assert [m.person_id for m in rank([own, other], Need("equalities", council="swansea"))] == ["b2", "a1"]
    # Not when the request is not for sharing across the network.
    assert [m.person_id for m in rank([own, other], Need("equalities", council="swansea", sharing=False))] == ["a1", "b2"]


def test_a_better_person_from_the_requesters_own_council_still_comes_first():
    own = person("a1", "swansea", skills=[Skill("Equalities", depth=4)])
    other = person("b2", "bridgend", skills=[Skill("Equalities", depth=2)])
    ranked = rank([other, own], Need("equalities", council="swansea"))
    assert [(m.person_id, m.score, m.other_council) for m in ranked] == [("a1", 65, False), ("b2", 57, True)]


def test_distance_gives_ten_points_at_the_door_and_none_from_a_hundred_kilometres():
    near = (51.62, -3.94)
    here = person("here", lat=51.62, lon=-3.94)
    fifty = person("fifty", lat=51.62 + 0.45, lon=-3.94)  # 0.45° of latitude is 50 km
    far = person("far", lat=53.2, lon=-4.1)
    nowhere = person("nowhere")
    found = {m.person_id: m for m in rank([here, fifty, far, nowhere], Need("equalities", near=near))}
    assert {pid: m.score - 61 for pid, m in found.items()} == {"here": 10, "fifty": 5, "far": 0, "nowhere": 0}
    assert found["fifty"].reasons[-2].values == {"km": 50}
    assert "distance_unknown" in codes(found["nowhere"])


def test_availability_counts_the_days_given_against_the_days_needed():
    need = Need("equalities", days=4)
    assert score(person("a", available_days=2), need).score == 61 + 5
    assert score(person("a", available_days=8), need).score == 61 + 10
    nothing = score(person("a", available_days=0), need)
    assert nothing.score == 61 and "not_available" in codes(nothing)
    assert score(person("a", available_days=5), Need("equalities")).score == 61 + 10  # five days when the need does not say


def test_a_verified_skill_earns_three_points():
    verified = Skill("Equalities", depth=2, verified=True)
    assert score(person("a", skills=[verified]), Need("equalities")).score == 50 + 7 + 3


def test_free_text_counts_when_no_skill_fits():
    writer = person("w", skills=[], about="I have run equality impact assessment workshops for ten years")
    match = score(writer, Need("equality impact assessment"))
    assert match.score == 25 and codes(match)[0] == "about"


def test_every_match_gives_its_reasons_in_words():
    need = Need("Welsh-medium equalities training", welsh=True, council="swansea", near=(51.6, -3.9))
    match = rank([person("a", "bridgend", welsh_level=4, delivers_in_welsh=True, lat=51.5, lon=-3.6, available_days=3)], need)[0]
    assert codes(match) == ["skill", "depth", "welsh", "distance", "available", "other_council"]
    words = [describe(r) for r in match.reasons]
    assert words[0].startswith("skill: Equality and diversity") and "level 4 (higher)" in words[2] and "bridgend" in words[-1]
    assert match.score == sum(r.points for r in match.reasons)


def test_the_top_n_are_the_best_n():
    people = [person(f"p{n}", available_days=n) for n in range(1, 8)]
    assert [m.person_id for m in rank(people, Need("equalities"), top=3)] == ["p5", "p6", "p7"]
