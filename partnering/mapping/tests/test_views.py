"""The mapping exercise in the browser: upload, map, preview, commit; who sees what; dashboard figures."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from partnering.access import scope_of
from partnering.access.mapping import provision_visible_to
from partnering.core.models import Sharing
from partnering.mapping import services
from partnering.mapping.models import ImportBatch, Investment, Provision, Return, Topic

from .spreadsheets import HEADERS, ROWS, xlsx

pytestmark = pytest.mark.django_db


def upload(client, council, rows, year=2025, name="return.xlsx", **extra):
    data = {"year": str(year), "file": SimpleUploadedFile(name, xlsx(rows) if isinstance(rows, list) else rows),
            "sharing": Sharing.PRIVATE, **extra}
    return client.post(f"/mapping/councils/{council.slug}/returns/upload/", data)


def test_lead_uploads_maps_previews_and_commits_a_return(sign_in, region):
    client = sign_in(region.lead_north)
    response = upload(client, region.north, [["Thing", "Learners", "Cost (£)"], ["Course A", 5, "£100"], ["Course B", 7, 50]])
    batch = ImportBatch.objects.get()
    assert response["Location"] == f"/mapping/imports/{batch.pk}/map/"

    page = client.get(f"/mapping/imports/{batch.pk}/map/")
    assert page.status_code == 200 and "No header row found" not in page.content.decode()
    form = page.context["form"]
    columns = {field.label: field.name for field in form.column_fields()}
    response = client.post(f"/mapping/imports/{batch.pk}/map/", {
        columns["Thing"]: "title", columns["Learners"]: "learners_per_year", columns["Cost (£)"]: "annual_cost_gbp"})
    assert response["Location"] == f"/mapping/imports/{batch.pk}/"

    preview = client.get(f"/mapping/imports/{batch.pk}/")
    assert preview.context["preview"].summary.lines == 2 and not Provision.objects.exists()
    assert "Import this return" in preview.content.decode()

    committed = client.post(f"/mapping/imports/{batch.pk}/")
    assert committed["Location"] == f"/mapping/councils/{region.north.slug}/returns/"
    assert Provision.objects.current().filter(council=region.north).count() == 2
    assert Provision.objects.get(title="Course A").annual_cost_pence == 10000


def test_preview_lists_every_problem_and_offers_no_commit(sign_in, region):
    client = sign_in(region.lead_north)
    upload(client, region.north, [HEADERS, ["A", "", "telepathy", "", "", -1, "abc"]])
    batch = ImportBatch.objects.get()
    page = client.get(f"/mapping/imports/{batch.pk}/").content.decode()
    assert "3 problems" in page and "telepathy" in page and "must not be negative" in page
    assert "Import this return" not in page
    client.post(f"/mapping/imports/{batch.pk}/")  # a crafted commit still refuses
    assert not Provision.objects.exists()
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DRAFT


def test_a_file_that_is_not_a_spreadsheet_is_refused_on_the_upload_form(sign_in, region):
    response = upload(sign_in(region.lead_north), region.north, b"%PDF-1.4", name="return.pdf")
    assert response.status_code == 200
    assert "is not a spreadsheet" in response.content.decode() and not ImportBatch.objects.exists()


def test_a_workbook_with_two_candidate_sheets_asks_which(sign_in, region):
    client = sign_in(region.lead_north)
    upload(client, region.north, xlsx(None, sheets={"2024": [HEADERS, *ROWS], "2025": [HEADERS, ROWS[0]]}))
    batch = ImportBatch.objects.get()
    page = client.get(f"/mapping/imports/{batch.pk}/map/")
    assert "sheet" in page.context["form"].fields
    chosen = client.post(f"/mapping/imports/{batch.pk}/map/", {"sheet": "2025", "choose_sheet": "1"})
    form = chosen.context["form"]
    data = {"sheet": "2025", **{f.name: f.value() for f in form.column_fields()}}
    client.post(f"/mapping/imports/{batch.pk}/map/", data)
    assert client.get(f"/mapping/imports/{batch.pk}/").context["preview"].summary.lines == 1


def test_mapping_form_requires_a_title_column(sign_in, region):
    client = sign_in(region.lead_north)
    upload(client, region.north, [HEADERS, *ROWS])
    batch = ImportBatch.objects.get()
    form = client.get(f"/mapping/imports/{batch.pk}/map/").context["form"]
    data = {f.name: ("ignore" if f.value() == "title" else f.value()) for f in form.column_fields()}
    response = client.post(f"/mapping/imports/{batch.pk}/map/", data)
    assert "Choose which column holds the course title." in response.content.decode()


def test_another_councils_lead_cannot_upload_or_see_an_import(sign_in, region, client):
    batch, _ = services.import_return(council=region.north, year=2025, filename="r.xlsx", data=xlsx([HEADERS, *ROWS]))
    other = sign_in(region.lead_south)
    assert upload(other, region.north, [HEADERS, *ROWS]).status_code == 404
    for url in (f"/mapping/imports/{batch.pk}/", f"/mapping/imports/{batch.pk}/map/", f"/mapping/imports/{batch.pk}/file/",
                f"/mapping/councils/{region.north.slug}/returns/", f"/mapping/councils/{region.north.slug}/investment/"):
        assert other.get(url).status_code == 404, url
    assert other.post(f"/mapping/imports/{batch.pk}/restore/").status_code == 404


def test_partners_see_lines_only_when_the_return_is_shared_with_their_partnership(sign_in, region):
    services.import_return(council=region.north, year=2025, filename="r.xlsx", data=xlsx([HEADERS, *ROWS]))
    client = sign_in(region.lead_south)
    url = f"/mapping/councils/{region.north.slug}/provision/?year=2025"
    assert client.get(url).status_code == 404
    assert client.get(f"/mapping/councils/{region.north.slug}/export/?year=2025").status_code == 404
    Return.objects.filter(council=region.north).update(sharing=Sharing.PARTNERSHIP, shared_with=region.network)
    assert len(client.get(url).context["page"].object_list) == 3
    assert client.get(f"/mapping/councils/{region.north.slug}/export/?year=2025&format=csv")["Content-Type"].startswith("text/csv")
    outsider = provision_visible_to(scope_of(region.staff_outsider))
    assert not outsider.exists()


def test_lead_accepts_a_suggested_topic_and_partners_cannot_change_it(sign_in, region, client):
    services.import_return(council=region.north, year=2025, filename="r.xlsx", data=xlsx([HEADERS, *ROWS]))
    Return.objects.filter(council=region.north).update(sharing=Sharing.PARTNERSHIP, shared_with=region.network)
    line = Provision.objects.get(title="Safeguarding Adults")
    wellbeing = Topic.objects.get(name="Health and wellbeing")
    assert sign_in(region.lead_south).post(f"/mapping/lines/{line.pk}/topic/", {"topic": wellbeing.pk}).status_code == 404
    client.logout()
    sign_in(region.lead_north).post(f"/mapping/lines/{line.pk}/topic/", {"topic": wellbeing.pk})
    line.refresh_from_db()
    assert line.topic == wellbeing and not line.topic_suggested


def test_dashboard_figures_match_hand_computed_totals(sign_in, region):
    north = [HEADERS,
             ["ILM Level 3 Award", "Leadership", "classroom", "external", "Acme", 10, 1000],
             ["Excel", "IT", "e-learning", "in-house", "", 30, 0]]
    south = [HEADERS,
             ["ILM L3 Award", "Leadership", "classroom", "external", "Bravo", 6, 900],
             ["First Aid at Work", "First aid", "classroom", "external", "Acme", 4, 400]]
    services.import_return(council=region.north, year=2025, filename="n.xlsx", data=xlsx(north))
    services.import_return(council=region.south, year=2025, filename="s.xlsx", data=xlsx(south))
    Investment.objects.create(council=region.north, year=2025, budget_pence=5_000_000, headcount=500)
    region.south.headcount = 200
    region.south.save()

    response = sign_in(region.coordinator).get(f"/mapping/partnerships/{region.network.slug}/?year=2025")
    assert response.status_code == 200
    assert response.context["totals"] == {"lines": 4, "learners": 50, "spend": 230000}
    tables = {t.key: t for t in response.context["tables"]}
    topics = {row["topic"]: row for row in tables["topics"].rows}
    assert topics["Leadership and management"]["learners"] == 16 and topics["Leadership and management"]["spend"] == 190000
    councils = {row["council"]: row for row in tables["councils"].rows}
    assert councils["North"]["learners_per_thousand"] == 80.0  # 40 learners per 500 staff
    assert councils["South"]["spend_per_thousand"] == 650000  # £1,300 per 200 staff → £6,500 per 1,000
    providers = tables["providers"].rows
    assert providers[0] == {"provider": "Acme", "councils": 2, "lines": 2, "learners": 14, "spend": 140000}
    per_topic = {row["topic"]: row["providers"] for row in tables["providers_per_topic"].rows}
    assert per_topic["Leadership and management"] == 2
    invested = {row["council"]: row for row in tables["invested"].rows}
    assert invested["North"]["per_head"] == 10000

    filtered = sign_in(region.coordinator).get(f"/mapping/partnerships/{region.network.slug}/?year=2025&council={region.south.pk}&method=classroom")
    assert filtered.context["totals"] == {"lines": 2, "learners": 10, "spend": 130000}


def test_dashboard_tables_download_as_xlsx(sign_in, region):
    services.import_return(council=region.north, year=2025, filename="n.xlsx", data=xlsx([HEADERS, *ROWS]))
    response = sign_in(region.lead_north).get(f"/mapping/councils/{region.north.slug}/?year=2025&download=topics")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    import io

    import python_calamine

    rows = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0).to_python()
    assert rows[0] == ["Topic", "Lines", "Sessions", "Learners", "Spend"]
    assert sum(row[3] for row in rows[1:]) == 332


def test_dashboard_access_follows_roles(sign_in, region, client):
    partnership_url = f"/mapping/partnerships/{region.network.slug}/"
    north_url = f"/mapping/councils/{region.north.slug}/"
    for person, partnership, north in (
        (region.coordinator, 200, 200), (region.board_member, 200, 200), (region.lead_north, 200, 200),
        (region.lead_south, 200, 404), (region.staff_north, 404, 404), (region.staff_outsider, 404, 404),
    ):
        client.logout()
        signed = sign_in(person)
        assert (signed.get(partnership_url).status_code, signed.get(north_url).status_code) == (partnership, north), person


def test_only_coordinators_edit_topics(sign_in, region, client):
    topic = Topic.objects.get(name="First aid")
    assert sign_in(region.lead_north).get(f"/mapping/topics/{topic.pk}/edit/").status_code == 404
    client.logout()
    coordinator = sign_in(region.coordinator)
    response = coordinator.post(f"/mapping/topics/{topic.pk}/edit/", {"name": "First aid", "name_cy": "Cymorth cyntaf", "aliases": "FA", "keywords": "first aid\nefaw"})
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.aliases == "FA"


def test_lead_records_investment_and_an_arrangement(sign_in, region):
    client = sign_in(region.lead_north)
    client.post(f"/mapping/councils/{region.north.slug}/investment/", {"year": "2025", "budget_gbp": "1500.50", "trainer_fte": "1.5", "headcount": "100"})
    investment = Investment.objects.get(council=region.north)
    assert investment.budget_pence == 150050 and investment.spend_per_head_pence == 1501
    client.post(f"/mapping/councils/{region.north.slug}/arrangements/new/", {"year": "2025", "partners": [region.south.pk], "subject": "ILM", "kind": "sla"})
    assert region.north.arrangements.get().partners.get() == region.south


def test_negative_investment_is_a_form_error(sign_in, region):
    response = sign_in(region.lead_north).post(f"/mapping/councils/{region.north.slug}/investment/", {"year": "2025", "budget_gbp": "-5"})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert not Investment.objects.exists()


def test_template_downloads(sign_in, region):
    response = sign_in(region.staff_north).get("/mapping/template.xlsx")
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.xlsx"')


def test_lead_accepts_all_suggested_topics_at_once_and_others_cannot(sign_in, region, client):
    services.import_return(council=region.north, year=2025, filename="r.xlsx", data=xlsx([HEADERS, *ROWS]))
    assert Provision.objects.filter(topic_suggested=True).count() == 1
    url = f"/mapping/councils/{region.north.slug}/provision/accept-suggestions/?year=2025"
    assert sign_in(region.lead_south).post(url).status_code == 404
    client.logout()
    sign_in(region.lead_north).post(url)
    assert not Provision.objects.filter(topic_suggested=True).exists()
    assert region.north.auditentry_set.filter(changes__has_key="suggested topics accepted").exists()


def test_problems_are_reported_in_welsh_to_a_welsh_reader(sign_in, region):
    client = sign_in(region.lead_north)
    client.post("/i18n/setlang/", {"language": "cy", "next": "/"})
    upload(client, region.north, [HEADERS, ["A", "", "telepathy", "", "", -1, ""]])
    page = client.get(f"/mapping/imports/{ImportBatch.objects.get().pk}/").content.decode()
    assert "ni chaiff fod yn negyddol" in page and "Dysgwyr y flwyddyn" in page
    assert "must not be negative" not in page


def test_a_sheet_name_the_file_does_not_have_is_a_message_not_a_server_error(region, sign_in):
    from partnering.mapping import services as mapping_services

    batch = mapping_services.return_upload(council=region.north, year=2025, filename="r.csv", data=b"Course title\nFire warden\n",
                                           actor=region.lead_north)
    response = sign_in(region.lead_north).post(f"/mapping/imports/{batch.pk}/map/", {"sheet": "no-such-sheet"})
    assert response.status_code == 200 and "no sheet called no-such-sheet" in response.content.decode()


def test_the_partnership_dashboard_leaves_out_an_outside_councils_arrangement_naming_a_member(region, sign_in):
    from partnering.mapping import services as mapping_services
    from partnering.mapping.models import Arrangement
    from tests.factories import PersonFactory, employ

    employ(lead := PersonFactory(), region.outsider, "lead")
    mapping_services.arrangement_create(council=region.outsider, actor=lead, year=2025, partners=[region.north],
                                        subject="Secret joint venture", kind=Arrangement._meta.get_field("kind").choices[0][0])
    page = sign_in(region.board_member).get(f"/mapping/partnerships/{region.network.slug}/?year=2025")
    assert page.status_code == 200 and "Secret joint venture" not in page.content.decode()


def test_a_dashboard_is_kept_between_visits_and_shows_every_change_at_once(sign_in, region):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    services.import_return(council=region.north, year=2025, filename="n.xlsx", data=xlsx([HEADERS, *ROWS]))
    client = sign_in(region.coordinator)
    url = f"/mapping/partnerships/{region.network.slug}/?year=2025"
    first = client.get(url)
    with CaptureQueriesContext(connection) as fresh:
        client.get(url + "&method=classroom")
    with CaptureQueriesContext(connection) as kept:
        again = client.get(url)
    assert len(kept) < len(fresh)  # the figures were not read again
    assert again.context["totals"] == first.context["totals"]
    # Kept as text: a lazy translation would be translated again on every read.
    assert all(type(label) is str for table in again.context["tables"] for _key, label, _kind in table.columns)

    # A new return for another member
    south = [HEADERS, ["First Aid at Work", "First aid", "classroom", "external", "Acme", 4, 400]]
    services.import_return(council=region.south, year=2025, filename="s.xlsx", data=xlsx(south))
    after_import = client.get(url).context["totals"]
    assert after_import["lines"] == first.context["totals"]["lines"] + 1
    assert after_import["learners"] == first.context["totals"]["learners"] + 4

    # A line given another topic
    line = Provision.objects.get(title="First Aid at Work")
    wellbeing = Topic.objects.get(name="Health and wellbeing")
    services.suggested_topic_accept(line=line, actor=region.lead_south, topic=wellbeing)
    topics = {row["topic"]: row["lines"] for row in next(t for t in client.get(url).context["tables"] if t.key == "topics").rows}
    assert topics["Health and wellbeing"] >= 1 and "First aid" not in topics

    # The council's investment, and its headcount
    services.investment_save(council=region.south, year=2025, actor=region.lead_south, budget_pence=100_000, headcount=100)
    invested = {row["council"]: row for row in next(t for t in client.get(url).context["tables"] if t.key == "invested").rows}
    assert invested["South"]["budget"] == 100_000 and invested["South"]["per_head"] == 1000

    # Another language is its own copy
    client.post("/i18n/setlang/", {"language": "cy", "next": "/"})
    welsh = client.get(url)
    assert next(t for t in welsh.context["tables"] if t.key == "topics").columns[1][1] == "Llinellau"
