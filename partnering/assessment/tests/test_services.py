"""Assessments, moderation, action plans, benchmarks and anonymous surveys, through the services and pages."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.urls import reverse

from partnering.assessment import services
from partnering.assessment.builtins import read_survey_2015
from partnering.assessment.models import Action, Assessment, Framework, Invitation, Response
from tests.factories import CouncilFactory, MembershipFactory, PartnershipFactory, PersonFactory, employ, partnership_role

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def region():
    partnership = PartnershipFactory(name="Shared HR", slug="shared-hr")
    councils = [CouncilFactory(name=f"{n} Council", slug=n.lower()) for n in ("Ash", "Birch", "Cedar", "Damson", "Elm", "Fir", "Gorse")]
    for council in councils:
        MembershipFactory(partnership=partnership, council=council)
    outsider = CouncilFactory(name="Outside Council", slug="outside")
    MembershipFactory(partnership=PartnershipFactory(name="Elsewhere", slug="elsewhere"), council=outsider)
    coordinator = PersonFactory(email="coordinator@test.test")
    partnership_role(coordinator, partnership, "coordinator")
    leads = {}
    for council in [*councils, outsider]:
        leads[council.slug] = PersonFactory(email=f"lead.{council.slug}@test.test")
        employ(leads[council.slug], council, "lead", "staff")
    return {"partnership": partnership, "councils": councils, "outsider": outsider, "coordinator": coordinator, "leads": leads}


def hr():
    return Framework.objects.get(key="hr-policy-integration")


def _assess(region, slug, values, moderator=None, agree=True):
    council = next(c for c in region["councils"] if c.slug == slug)
    lead = region["leads"][slug]
    a = services.start_assessment(framework=hr(), actor=lead, partnership=region["partnership"], council=council, title=f"{slug} 2026",
                                  moderator_council=moderator)
    criteria = list(a.version.criteria.all())
    services.save_scores(assessment=a, actor=lead, scores={c.pk: (D(v), "") for c, v in zip(criteria, values, strict=True)})
    if agree:
        services.submit(assessment=a, actor=lead)
        services.moderate(assessment=a, actor=region["coordinator"], view="Evidence supports the scores.", scores={})
        services.agree(assessment=a, actor=lead, today=datetime.date(2026, 3, 1))
    return a


def test_the_built_in_frameworks_are_there_with_the_ten_hr_policy_areas_and_four_roles():
    assert hr().current_version().criteria.count() == 10
    assert Framework.objects.get(key="hr-roles").current_version().criteria.count() == 4
    assert Framework.objects.get(key="skills-award").current_version().criteria.count() == 40
    assert Framework.objects.get(key="wlga-success-factors").current_version().criteria.filter(scale="ypn").exists()


def test_the_built_in_benchmark_holds_the_2015_reference_figures(region):
    rows = read_survey_2015(__import__("pathlib").Path("/work/shared/reference/hr_integration_survey_2015.csv"))
    a = _assess(region, "ash", [3] * 10, agree=False)
    published = {r.criterion.text: r.published for r in services.benchmark(a)}
    for row in rows:
        if row["table"] != "hr_policy_integration":
            continue
        counts = row["counts"]
        n = sum(counts.values())
        mean = sum(int(k) * v for k, v in counts.items()) / n
        assert published[row["item"]]["n"] == row["respondents"] == n
        assert published[row["item"]]["mean"] == f"{Decimal(mean).quantize(Decimal('0.01'), rounding='ROUND_HALF_UP')}"
    assert published["Workforce planning"] == {"n": 11, "mean": "2.55", "counts": [4, 3, 1, 0, 3]}


def test_moderation_runs_draft_submitted_moderated_agreed_and_only_the_moderator_moderates(region):
    ash, birch = region["councils"][:2]
    a = _assess(region, "ash", [3] * 10, moderator=birch, agree=False)
    with pytest.raises(PermissionDenied):
        services.moderate(assessment=a, actor=region["leads"]["birch"], view="x", scores={})  # not submitted yet
    services.submit(assessment=a, actor=region["leads"]["ash"])
    with pytest.raises(PermissionDenied):
        services.moderate(assessment=a, actor=region["leads"]["cedar"], view="x", scores={})
    first = a.version.criteria.first()
    services.moderate(assessment=a, actor=region["leads"]["birch"], view="Pay is less aligned than claimed.", scores={first.pk: (D(2), "No joint policy yet")})
    assert a.status == Assessment.Status.MODERATED and a.scores.get(criterion=first).final == D(2)
    services.agree(assessment=a, actor=region["leads"]["ash"], today=datetime.date(2026, 3, 1))
    assert Assessment.objects.get(pk=a.pk).status == Assessment.Status.AGREED


def test_submitting_needs_every_criterion_scored(region):
    a = _assess(region, "ash", [3] * 10, agree=False)
    a.scores.update(value=None)
    with pytest.raises(services.Refused, match="Score every criterion"):
        services.submit(assessment=a, actor=region["leads"]["ash"])


def test_agreeing_creates_a_suggested_action_with_due_and_review_dates_for_each_weak_score(region):
    a = _assess(region, "ash", [1, 2, 3, 4, 5, 2, 3, 3, 3, 3])
    actions = list(Action.objects.filter(assessment=a))
    assert sorted(x.criterion.position for x in actions) == [1, 2, 6]  # below the default threshold of 3
    assert all(x.due_on == datetime.date(2026, 5, 30) and x.review_on == datetime.date(2026, 8, 28) for x in actions)


def test_the_next_assessment_shows_what_changed_since_the_last(region):
    _assess(region, "ash", [1] * 10)
    later = _assess(region, "ash", [2] + [1] * 9, agree=False)
    before, changed, earlier_actions = services.what_changed(later)
    assert before is not None and changed[0].direction == "up" and changed[1].direction == "same"
    assert len(earlier_actions) == 10


def test_a_council_never_sees_another_councils_unpublished_assessment(client, region):
    a = _assess(region, "ash", [3] * 10)
    client.force_login(region["leads"]["birch"])
    assert client.get(reverse("assessment:assessment-detail", args=[a.pk])).status_code == 404
    services.set_shared(assessment=a, actor=region["leads"]["ash"], shared=True)
    assert client.get(reverse("assessment:assessment-detail", args=[a.pk])).status_code == 200
    client.force_login(region["leads"]["outside"])
    assert client.get(reverse("assessment:assessment-detail", args=[a.pk])).status_code == 404


def test_the_benchmark_hides_the_partnership_figure_until_enough_councils_have_agreed_and_never_counts_your_own(region):
    for slug in ("birch", "cedar", "damson", "elm"):
        _assess(region, slug, [4] * 10)
    mine = _assess(region, "ash", [2] * 10, agree=False)
    assert services.benchmark(mine)[0].partnership is None  # four others: fewer than five
    _assess(region, "fir", [5] * 10)
    row = services.benchmark(mine)[0]
    assert row.partnership == {"n": 5, "mean": "4.20"} and row.everyone == {"n": 5, "mean": "4.20"}


def test_the_benchmark_page_shows_the_2015_survey(client, region):
    a = _assess(region, "ash", [3] * 10, agree=False)
    client.force_login(region["leads"]["ash"])
    page = client.get(reverse("assessment:assessment-benchmark", args=[a.pk]))
    assert page.status_code == 200 and "2.55 (11)" in page.content.decode()


# --- Surveys -----------------------------------------------------------------------------------------


def _survey(region, n_per_council, audience="staff"):
    people = []
    for council, n in zip(region["councils"], n_per_council, strict=False):
        for i in range(n):
            person = PersonFactory(email=f"p{i}.{council.slug}@test.test")
            employ(person, council)
            people.append(person)
    survey = services.create_survey(partnership=region["partnership"], actor=region["coordinator"], title="Change fatigue", kind="change_fatigue",
                                    audience=audience, councils=region["councils"][: len(n_per_council)], service="Benefits" if audience == "clients" else "")
    q = services.add_question(survey=survey, actor=region["coordinator"], text="The pace of change is manageable", kind="likert")
    t = services.add_question(survey=survey, actor=region["coordinator"], text="Anything else?", kind="text")
    wave = services.open_wave(survey=survey, actor=region["coordinator"], opens_on=datetime.date(2026, 1, 1), closes_on=datetime.date(2026, 1, 31))
    return survey, wave, q, t, people


def test_a_person_answers_a_survey_once(region):
    survey, wave, q, t, people = _survey(region, [3])
    services.answer(wave=wave, person=people[0], answers={q.pk: "4"}, today=datetime.date(2026, 1, 5))
    with pytest.raises(services.Refused, match="already answered"):
        services.answer(wave=wave, person=people[0], answers={q.pk: "2"}, today=datetime.date(2026, 1, 5))
    assert Response.objects.filter(wave=wave).count() == 1


def test_the_stored_response_cannot_be_joined_to_a_user(region):
    survey, wave, q, t, people = _survey(region, [20])
    order = people[:]
    for i, person in enumerate(order):
        services.answer(wave=wave, person=person, answers={q.pk: str(1 + i % 5)}, today=datetime.date(2026, 1, 5))
    # No column of a response refers to a person, or holds a time.
    for field in Response._meta.get_fields():
        related = getattr(field, "related_model", None)
        assert related is None or related._meta.label not in ("people.Person", "assessment.Invitation"), field.name
        assert field.get_internal_type() not in ("DateTimeField", "DateField", "TimeField"), field.name
    # The key (on SQLite also the row id) is random, not in the order of answering: the n-th person to answer cannot be
    # matched with the n-th response. (The chance that 20 random keys come out in order is 1 in 20!.)
    keys = list(Response.objects.filter(wave=wave).values_list("pk", flat=True).order_by("?"))
    with connection.cursor() as cursor:
        table = Response._meta.db_table
        if connection.vendor == "sqlite":
            cursor.execute(f"SELECT rowid, id FROM {table}")
            assert all(rowid == pk for rowid, pk in cursor.fetchall())
    by_answer_order = [r["id"] for r in Response.objects.filter(wave=wave).values("id")]
    assert sorted(keys) == by_answer_order  # the only order the table has is the random key's
    scores_in_key_order = [r.answers[str(q.pk)] for r in Response.objects.filter(wave=wave).order_by("pk")]
    assert scores_in_key_order != [1 + i % 5 for i in range(20)]
    # Who answered is a flag on the invitation, which names no response and holds no time either.
    assert Invitation.objects.filter(wave=wave, answered=True).count() == 20
    assert not any(f.get_internal_type() in ("DateTimeField", "DateField") for f in Invitation._meta.get_fields() if hasattr(f, "get_internal_type"))


def test_results_hide_a_small_council_and_the_next_smallest_and_comments_below_the_higher_threshold(region):
    survey, wave, q, t, people = _survey(region, [3, 6, 8])
    for i, person in enumerate(people):
        services.answer(wave=wave, person=person, answers={q.pk: str(1 + i % 5), t.pk: f"comment {i}"}, today=datetime.date(2026, 1, 5))
    result = services.results(survey, by="council", today=datetime.date(2026, 2, 1))
    groups = dict(result["questions"][0].groups)
    assert groups["Ash Council"] is None and groups["Birch Council"] is None and groups["Cedar Council"]["n"] == 8
    assert result["questions"][0].overall["n"] == 17
    assert len(result["questions"][1].texts) == 17  # 17 ≥ the default of 10
    services.set_rules(partnership=region["partnership"], actor=region["coordinator"], min_group=5, free_text_min=20, weak_below=D(3))
    assert services.results(survey, by="council", today=datetime.date(2026, 2, 1))["questions"][1].texts == []


def test_results_are_not_shown_while_the_wave_is_open_and_the_live_count_moves_in_steps(region):
    survey, wave, q, t, people = _survey(region, [7])
    for person in people:
        services.answer(wave=wave, person=person, answers={q.pk: "3"}, today=datetime.date(2026, 1, 5))
    assert services.results(survey, by="council", today=datetime.date(2026, 1, 6))["respondents"] is None
    assert services.respondents_shown(wave, 5, datetime.date(2026, 1, 6)) == 5
    assert services.respondents_shown(wave, 5, datetime.date(2026, 2, 6)) == 7


def test_a_client_satisfaction_share_feeds_an_indicator(region):
    survey = services.create_survey(partnership=region["partnership"], actor=region["coordinator"], title="Benefits service", kind="satisfaction",
                                    audience="clients", service="Benefits")
    q = services.add_question(survey=survey, actor=region["coordinator"], text="Rate the service", kind="choice",
                              choices=["Excellent", "Good", "Fair", "Poor"])
    services.open_wave(survey=survey, actor=region["coordinator"], opens_on=datetime.date(2026, 1, 1), closes_on=datetime.date(2026, 1, 31))
    for answer in ["Excellent"] * 10 + ["Good"] * 9 + ["Poor"]:
        services.answer_as_client(survey=survey, answers={q.pk: answer}, today=datetime.date(2026, 1, 2))
    assert services.share_at_or_above(survey, q, "Good", today=datetime.date(2026, 2, 1)) == (19, 20)
    assert services.share_at_or_above(survey, q, "Good", today=datetime.date(2026, 1, 15)) is None  # still open


def test_nobody_outside_the_councils_is_invited_and_reminders_go_only_to_those_who_have_not_answered(
        region, mailoutbox, django_capture_on_commit_callbacks):
    survey, wave, q, t, people = _survey(region, [2, 2])
    assert set(Invitation.objects.filter(wave=wave).values_list("person_id", flat=True)) >= {p.pk for p in people}
    services.answer(wave=wave, person=people[0], answers={q.pk: "5"}, today=datetime.date(2026, 1, 5))
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        count = services.remind(wave=wave, actor=region["coordinator"], today=datetime.date(2026, 1, 6))
    assert people[0].email not in {m.to[0] for m in mailoutbox}
    assert count == len(mailoutbox) and people[1].email in {m.to[0] for m in mailoutbox}


def _answer_all(wave, people_scores, q):
    for person, score in people_scores:
        services.answer(wave=wave, person=person, answers={q.pk: str(score)}, today=datetime.date(2026, 1, 5))


def test_results_by_partnership_set_this_partnership_beside_two_others_that_asked_the_same_question_pooled(region):
    survey, wave, q, t, people = _survey(region, [6])
    _answer_all(wave, [(p, 4) for p in people], q)
    others = []
    for name, score in (("Other A", 2), ("Other B", 3)):
        partnership = PartnershipFactory(name=name, slug=name.lower().replace(" ", "-"))
        council = CouncilFactory(name=f"{name} Council", slug=f"{name.lower().replace(' ', '-')}-c")
        MembershipFactory(partnership=partnership, council=council)
        coordinator = PersonFactory(email=f"coord.{partnership.slug}@test.test")
        partnership_role(coordinator, partnership, "coordinator")
        staff = [PersonFactory(email=f"s{i}.{partnership.slug}@test.test") for i in range(3)]
        for person in staff:
            employ(person, council)
        other = services.create_survey(partnership=partnership, actor=coordinator, title="Pulse", kind="change_fatigue", audience="staff",
                                       councils=[council])
        oq = services.add_question(survey=other, actor=coordinator, text="The pace of change is manageable", kind="likert")
        ow = services.open_wave(survey=other, actor=coordinator, opens_on=datetime.date(2026, 1, 1), closes_on=datetime.date(2026, 1, 31))
        _answer_all(ow, [(p, score) for p in staff], oq)
        others.append(other)
    result = services.results(survey, by="partnership", today=datetime.date(2026, 2, 1))
    first = result["questions"][0]
    assert dict(first.groups) == {"Shared HR": {"n": 6, "mean": "4.00"}, "Other partnerships (together)": {"n": 6, "mean": "2.50"}}
    assert first.overall == {"n": 12, "mean": "3.25"}
    # Another partnership's own page never shows this one: it sees the others pooled, and itself.
    theirs = services.results(others[0], by="partnership", today=datetime.date(2026, 2, 1))["questions"][0]
    assert [name for name, _cell in theirs.groups] == ["Other A", "Other partnerships (together)"]
    assert dict(theirs.groups)["Other A"] is None  # three answered: too few, and so the pooled others too
    assert theirs.overall == {"n": 12, "mean": "3.25"}


def test_results_by_partnership_with_only_one_other_partnership_show_this_one_alone(region):
    survey, wave, q, t, people = _survey(region, [6])
    _answer_all(wave, [(p, 4) for p in people], q)
    result = services.results(survey, by="partnership", today=datetime.date(2026, 2, 1))
    assert [name for name, _cell in result["questions"][0].groups] == ["Shared HR"] and not result["compared"]


def test_a_wave_too_small_to_show_is_not_the_total_less_the_other_wave_in_the_trend(region):
    survey, wave, q, t, people = _survey(region, [7, 6])
    _answer_all(wave, [(p, 3) for p in people[:3]], q)  # wave 1: three answers
    services.close_wave(wave=wave, actor=region["coordinator"])
    second = services.open_wave(survey=survey, actor=region["coordinator"], opens_on=datetime.date(2026, 2, 1), closes_on=datetime.date(2026, 2, 28))
    for person in people:
        services.answer(wave=second, person=person, answers={q.pk: "5"}, today=datetime.date(2026, 2, 5))
    result = services.results(survey, by="council", today=datetime.date(2026, 3, 10))
    assert result["questions"][0].overall == {"n": 16, "mean": "4.63"}
    trend = services.trend(survey, today=datetime.date(2026, 3, 10))
    assert [w.number for w in trend["waves"]] == [1, 2]
    assert trend["rows"][0]["means"] == [None, None]  # wave 2 alone would give wave 1 as 16 − 13
    by_wave = dict(services.results(survey, by="wave", today=datetime.date(2026, 3, 10))["questions"][0].groups)
    assert by_wave == {"Wave 1": None, "Wave 2": None}
