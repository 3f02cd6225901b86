"""The demo's self-assessments and surveys, loaded through the assessment services: the network councils' HR
integration assessments with evidence and moderation, benchmarks with a hidden figure, the change-fatigue pulse with
small councils hidden, and the client survey feeding the legal project's indicator."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction

from partnering.assessment import services
from partnering.assessment.models import Assessment, Evidence, Invitation, PublishedBenchmark, Response, Survey
from partnering.demo.assessment import ASSESSMENT_TITLE, CLIENT_TITLE, SURVEY_TITLE, load_assessment
from partnering.organisations.models import Council, Partnership
from partnering.people.models import Person

pytestmark = pytest.mark.django_db

AFTER = datetime.date(2026, 1, 1)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def hr(slug):
    return Assessment.objects.get(council__slug=slug, title=ASSESSMENT_TITLE)


def test_the_2015_survey_is_there_as_a_benchmark_of_eleven_partnerships(demo):
    benchmark = PublishedBenchmark.objects.get(framework__key="hr-policy-integration")
    assert benchmark.figures.count() == 10
    assert benchmark.figures.get(item="Workforce planning").counts == {"1": 4, "2": 3, "3": 1, "4": 0, "5": 3}


def test_the_network_councils_assessed_themselves_five_agreed_one_waiting_for_its_peer_moderator_and_one_draft(demo):
    found = {a.council.slug: a for a in Assessment.objects.filter(title=ASSESSMENT_TITLE).select_related("council", "moderator_council")}
    assert {slug: a.status for slug, a in found.items()} == {
        "swansea": "agreed", "neath-port-talbot": "agreed", "bridgend": "agreed", "carmarthenshire": "agreed", "pembrokeshire": "agreed",
        "ceredigion": "submitted", "powys": "draft"}
    assert found["ceredigion"].moderator_council.slug == "powys"
    assert all(found[s].shared for s in ("swansea", "neath-port-talbot", "bridgend", "carmarthenshire", "pembrokeshire"))
    swansea = found["swansea"]
    assert swansea.moderator_council.slug == "neath-port-talbot" and swansea.moderator_view
    pay = swansea.scores.get(criterion__text="Pay and benefits")
    assert (pay.value, pay.moderated_value, pay.final) == (Decimal(2), Decimal(1), Decimal(1))
    assert set(Evidence.objects.filter(assessment=swansea).values_list("kind", flat=True)) == {"link", "note", "document"}
    # Weak scores (below 3) became suggested actions when agreed.
    assert swansea.actions.count() == swansea.scores.filter(moderated_value__lt=3).count() + swansea.scores.filter(
        moderated_value__isnull=True, value__lt=3).count() > 0


def test_an_agreed_councils_benchmark_hides_the_partner_figure_and_the_draft_councils_shows_it(demo):
    swansea = services.benchmark(hr("swansea"))
    assert all(row.partnership is None and row.hidden for row in swansea)  # four other councils: fewer than five
    powys = services.benchmark(hr("powys"))
    workforce = next(r for r in powys if r.criterion.text == "Workforce planning")
    assert workforce.partnership == {"n": 5, "mean": "2.60"}  # 3 + 3 + 2 + 3 + 2
    assert workforce.published == {"n": 11, "mean": "2.55", "counts": [4, 3, 1, 0, 3]}


def test_powys_lead_can_moderate_ceredigions_assessment(demo):
    from partnering.access import assessment as access
    from partnering.access import scope_of

    lead = Person.objects.get(email="lead.powys@demo.test")
    assert access.can_moderate(scope_of(lead), hr("ceredigion"))
    assert not access.can_moderate(scope_of(Person.objects.get(email="lead.bridgend@demo.test")), hr("ceredigion"))


def test_the_pulse_survey_has_two_closed_waves_and_hides_the_small_councils_and_the_next_smallest(demo):
    survey = Survey.objects.get(title=SURVEY_TITLE)
    assert survey.waves.count() == 2 and Invitation.objects.filter(wave__survey=survey, answered=True).count() == Response.objects.filter(
        wave__survey=survey).count()
    result = services.results(survey, by="council", today=AFTER)
    groups = dict(result["questions"][0].groups)
    assert groups["Ceredigion County Council"] is None  # two and two
    shown = [name for name, cell in groups.items() if cell is not None]
    assert len(shown) >= 3 and all(groups[name]["n"] >= 5 for name in shown)
    hidden = [name for name, cell in groups.items() if cell is None]
    assert len(hidden) >= 2
    trend = services.trend(survey, today=AFTER)
    assert [w.number for w in trend["waves"]] == [1, 2] and len(trend["rows"]) == 3


def test_the_client_survey_gives_96_percent_good_or_excellent_and_feeds_the_legal_projects_indicator(demo):
    from partnering.programmes.models import Indicator

    survey = Survey.objects.get(title=CLIENT_TITLE)
    rating = survey.questions.get(position=1)
    assert services.share_at_or_above(survey, rating, "Good", today=AFTER) == (48, 50)
    indicator = Indicator.objects.get(title="Clients rating the service good or excellent")
    assert indicator.survey_value == Decimal("96.00") and indicator.survey_label.startswith(CLIENT_TITLE)


def test_loading_again_changes_nothing(demo):
    counts = (Assessment.objects.count(), Evidence.objects.count(), Survey.objects.count(), Response.objects.count())
    partnerships = {p.slug: p for p in Partnership.objects.all()}
    councils = {c.slug: c for c in Council.objects.all()}
    summary = load_assessment(partnerships, councils, actor=Person.objects.get(email="coordinator@demo.test"))
    assert summary.added == 0
    assert (Assessment.objects.count(), Evidence.objects.count(), Survey.objects.count(), Response.objects.count()) == counts
