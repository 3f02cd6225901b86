"""The national generator, and the pages a national load reads keeping their queries per page as the data grows."""

import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from partnering.core.models import AuditEntry
from partnering.demo import national
from partnering.demo.national import NotGeneratedDatabase, Scale, generate
from partnering.mapping.models import Provision, Return
from partnering.organisations.models import Council, Membership
from partnering.overlap.models import GroupLine
from partnering.people.models import Employment, Person

pytestmark = pytest.mark.django_db

TINY = Scale(councils=5, staff=200, provision=100, seed=3)
FOUR_TIMES = Scale(councils=20, staff=800, provision=400, seed=3)


def test_a_tiny_nation_has_the_asked_for_staff_and_provision_in_partnerships_of_its_councils():
    report = generate(TINY)
    assert Council.objects.count() == 5
    assert Provision.objects.count() == 100
    generated_staff = Person.objects.filter(email__regex=r"\.\d+@").count()
    assert generated_staff == 200
    assert report.rows["person"] == Person.objects.count()
    assert set(Membership.objects.values_list("council_id", flat=True)) == set(Council.objects.values_list("pk", flat=True))
    assert all(r.active_batch.lines.count() == r.active_batch.line_count for r in Return.objects.select_related("active_batch"))
    assert GroupLine.objects.count() == Provision.objects.count()  # every line is in one overlap group


def test_councils_are_named_typed_and_spread_over_the_four_nations_in_groups_of_five_to_fifteen():
    generate(Scale(councils=200, staff=600, provision=300, seed=5))
    nations = Counter(Council.objects.values_list("country", flat=True))
    assert nations == {"England": 167, "Wales": 11, "Scotland": 16, "Northern Ireland": 6}
    names = list(Council.objects.values_list("name", flat=True))
    assert any(n.endswith(" District Council") for n in names) and any(n.startswith("London Borough of ") for n in names)
    assert any(n.endswith(" County Council") for n in names) and any(n.endswith(" Metropolitan Borough Council") for n in names)
    sizes = Counter(Membership.objects.values_list("partnership_id", flat=True))
    assert all(5 <= size <= 15 for size in sizes.values()) and sum(sizes.values()) == 200


def test_some_staff_work_for_two_councils_of_the_same_partnership():
    generate(TINY)
    shared = Employment.objects.values("person_id").annotate(n=Count("pk")).filter(n=2).order_by("person_id")
    assert shared.exists()
    person = shared.first()["person_id"]
    partnerships = [set(Membership.objects.filter(council_id=e.council_id).values_list("partnership_id", flat=True))
                    for e in Employment.objects.filter(person_id=person)]
    assert partnerships[0] & partnerships[1]


def test_every_generated_employment_is_found_by_its_persons_name_even_when_written_in_small_batches(monkeypatch):
    # More employments than people (some work for two councils): their batches fill first, and must not go in
    # before their people, whose name and email the database copies into them for people search.
    monkeypatch.setattr(national, "BATCH_ROWS", 7)
    generate(TINY)
    unfound = [e for e in Employment.objects.select_related("person") if e.search_text != f"{e.person.full_name}\n{e.person.email}"]
    assert unfound == []


def test_the_bulk_load_leaves_one_summary_audit_entry_per_table_instead_of_one_per_row():
    report = generate(TINY)
    entries = AuditEntry.objects.filter(object_repr__startswith="Generated national benchmark data")
    assert entries.count() == len([count for count in report.rows.values() if count])
    assert entries.filter(object_repr="Generated national benchmark data: 100 provision rows").count() == 1
    assert AuditEntry.objects.count() == entries.count()


def test_generator_refuses_a_database_with_other_data_unless_forced():
    Council.objects.create(name="Real Council", short_name="Real", slug="real", country="Wales")
    with pytest.raises(NotGeneratedDatabase, match="Real Council"):
        generate(TINY)
    assert Person.objects.count() == 0
    generate(TINY, force=True)
    assert Council.objects.filter(name="Real Council").exists() and Council.objects.count() == 6


def test_command_refuses_to_generate_twice_into_the_same_database():
    call_command("generate_national", councils=5, staff=50, provision=20, stdout=io.StringIO())
    with pytest.raises(CommandError, match="already holds a generated national dataset"):
        call_command("generate_national", councils=5, staff=50, provision=20, stdout=io.StringIO())


def test_command_rejects_a_scale_below_one():
    with pytest.raises(CommandError):
        call_command("generate_national", "--staff", "0")


class _Undo(Exception):
    pass


def _queries_per_page(scale: Scale) -> dict[str, int]:
    """Generate `scale`, count each page's queries as the person who reads it, then roll the data back."""
    counts = {}
    try:
        with transaction.atomic():
            report = generate(scale)
            pages = {
                "catalogue": ("staff", "/catalogue/"),
                "partnership dashboard": ("coordinator", f"/mapping/partnerships/{report.partnership_slug}/"),
                "council dashboard": ("lead", f"/mapping/councils/{report.council_slug}/"),
                "overlap report": ("coordinator", f"/overlap/partnerships/{report.partnership_slug}/"),
                "one-council groups": ("coordinator", f"/overlap/partnerships/{report.partnership_slug}/one-council/"),
                "people search": ("lead", "/people/?q=jones"),
                "people list": ("coordinator", "/people/"),
            }
            for page, (account, url) in pages.items():
                client = Client()
                client.force_login(Person.objects.get(email=report.accounts[account]))
                assert client.get(url).status_code == 200, page  # the first visit fills per-session caches
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(url)
                assert response.status_code == 200, page
                counts[page] = len(queries)
            counts["_lines"] = Provision.objects.count()
            raise _Undo
    except _Undo:
        pass
    return counts


def test_national_pages_make_as_many_queries_with_four_times_the_councils_staff_and_provision():
    small, large = _queries_per_page(TINY), _queries_per_page(FOUR_TIMES)
    assert large.pop("_lines") == 4 * small.pop("_lines")
    assert large == small


def test_overlap_report_shows_each_groups_first_lines_and_links_to_the_rest():
    report = generate(Scale(councils=5, staff=50, provision=800, seed=3))
    client = Client()
    client.force_login(Person.objects.get(email=report.accounts["coordinator"]))
    response = client.get(f"/overlap/partnerships/{report.partnership_slug}/")
    biggest = max(response.context["page"].object_list, key=lambda group: group.line_count)
    assert biggest.line_count > 11 and len(biggest.shown_lines) == 11  # ten shown, and one more to know there are more
    page = response.content.decode()
    assert f'href="{biggest.get_absolute_url()}">See every line in “{biggest.title}” (only the first 10 are shown here)' in page
    assert len(client.get(biggest.get_absolute_url()).context["members"]) == biggest.line_count
