"""The overlap analysis in the app: what is compared, decisions across re-runs, who sees and decides."""

import pytest

from partnering.core.models import Sharing
from partnering.mapping import services as mapping
from partnering.mapping.models import Return
from partnering.mapping.tests.spreadsheets import xlsx
from partnering.overlap import services
from partnering.overlap.models import AnalysisRun, Decision, Equivalence, OverlapGroup

pytestmark = pytest.mark.django_db

HEADERS = ["Title", "Topic", "Method", "Provider type", "Provider", "Accreditation", "Level", "Learners", "Sessions", "Cost"]
NORTH = [HEADERS,
         ["ILM L3 Award - Leadership & Mgmt", "Leadership", "classroom", "external", "Acme", "ILM", "L3", 10, 1, 1000],
         ["Emergency First Aid at Work", "First aid", "classroom", "external", "Red Cross", "", "", 12, 1, 600],
         ["Excel Intermediate", "IT", "classroom", "in-house", "", "", "", 20, 2, 0]]
SOUTH = [HEADERS,
         ["Level 3 ILM Award in Leadership & Management", "Leadership", "classroom", "external", "Bravo", "ILM", "3", 6, 1, 900],
         ["First Aid at Work", "First aid", "classroom", "external", "Red Cross", "", "", 8, 1, 900],
         ["Microsoft Excel - Intermediate", "IT", "classroom", "in-house", "", "", "", 15, 2, 0]]


def share(council, network, rows, year=2025):
    mapping.import_return(council=council, year=year, filename="r.xlsx", data=xlsx(rows))
    Return.objects.filter(council=council, year=year).update(sharing=Sharing.PARTNERSHIP, shared_with=network)


def analyse(region, year=2025):
    return services.request_analysis(partnership=region.network, year=year, actor=region.coordinator)


def titles(group):
    return sorted(m.provision.title for m in group.members.all())


@pytest.fixture
def returns(region):
    share(region.north, region.network, NORTH)
    share(region.south, region.network, SOUTH)


def test_equivalent_lines_are_grouped_and_hard_negatives_are_not(region, returns):
    run = analyse(region)
    run.refresh_from_db()
    assert run.status == AnalysisRun.Status.DONE and run.line_count == 6
    shared = {tuple(titles(g)) for g in OverlapGroup.objects.filter(council_count=2)}
    assert ("ILM L3 Award - Leadership & Mgmt", "Level 3 ILM Award in Leadership & Management") in shared
    assert ("Excel Intermediate", "Microsoft Excel - Intermediate") in shared
    assert not any("Emergency First Aid at Work" in group and "First Aid at Work" in group for group in shared)
    ilm = OverlapGroup.objects.get(title__startswith="ILM L3")
    assert ilm.explanation and "awarding body (ILM)" in ilm.explanation[0]["why"]


def test_lines_a_council_did_not_share_are_never_compared(region, returns):
    mapping.import_return(council=region.outsider, year=2025, filename="r.xlsx", data=xlsx(NORTH))  # private, not a member
    from tests.factories import MembershipFactory

    MembershipFactory(partnership=region.network, council=region.outsider)
    analyse(region)
    assert not OverlapGroup.objects.filter(members__provision__council=region.outsider).exists()


def test_nothing_changed_means_the_rerun_is_skipped(region, returns):
    analyse(region)
    second = analyse(region)
    second.refresh_from_db()
    assert second.status == AnalysisRun.Status.UNCHANGED


def test_a_confirmed_group_stays_confirmed_after_rerun_and_reimport(region, returns):
    analyse(region)
    group = OverlapGroup.objects.get(title__startswith="ILM L3")
    services.group_confirm(group=group, actor=region.coordinator)
    assert Equivalence.objects.filter(partnership=region.network).count() == 1
    share(region.south, region.network, SOUTH)  # a new import of the same return: new lines, same courses
    analyse(region)
    again = OverlapGroup.objects.get(members__provision__title="Level 3 ILM Award in Leadership & Management")
    assert again.status == OverlapGroup.Status.CONFIRMED and again.council_count == 2


def test_a_rejected_group_is_not_formed_again(region, returns):
    analyse(region)
    services.group_reject(group=OverlapGroup.objects.get(title="Excel Intermediate"), actor=region.coordinator)
    analyse(region)
    assert OverlapGroup.objects.get(members__provision__title="Excel Intermediate").council_count == 1
    assert Decision.objects.filter(kind="different").count() == 1


def test_split_and_merge_are_respected(region, returns):
    analyse(region)
    ilm = OverlapGroup.objects.get(title__startswith="ILM L3")
    south_line = ilm.members.get(provision__council=region.south).provision_id
    services.group_split(group=ilm, actor=region.coordinator, line_ids=[south_line])
    analyse(region)
    assert OverlapGroup.objects.get(members__provision_id=south_line).council_count == 1
    efaw = OverlapGroup.objects.get(title="Emergency First Aid at Work")
    faw = OverlapGroup.objects.get(title="First Aid at Work")
    services.group_merge(group=efaw, other=faw, actor=region.coordinator)
    analyse(region)
    assert OverlapGroup.objects.get(members__provision__title="First Aid at Work").council_count == 2


def test_only_coordinators_run_and_decide(region, returns):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.request_analysis(partnership=region.network, year=2025, actor=region.lead_north)
    analyse(region)
    with pytest.raises(PermissionDenied):
        services.group_confirm(group=OverlapGroup.objects.first(), actor=region.board_member)


def test_glossary_names_make_lines_equivalent(region):
    from partnering.glossary.models import Term

    share(region.north, region.network, [HEADERS, ["Cyber Ninjas", "IT", "e-learning", "in-house", "", "", "", 50, "", 0]])
    share(region.south, region.network, [HEADERS, ["Cyber Security Awareness", "IT", "e-learning", "in-house", "", "", "", 40, "", 0]])
    analyse(region)
    assert not OverlapGroup.objects.filter(council_count=2).exists()
    Term.objects.create(english="Cyber security awareness", synonyms="Cyber Ninjas")
    analyse(region)
    assert OverlapGroup.objects.filter(council_count=2).count() == 1
