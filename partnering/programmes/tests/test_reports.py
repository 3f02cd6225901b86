"""Highlight reports (page, PDF, email) from live data, exception reporting, and the newsletter in English and Welsh."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from partnering.programmes import services

pytestmark = pytest.mark.django_db

MAY = datetime.date(2026, 5, 1)


@pytest.fixture
def reported(region):
    r = region
    services.add_entry(project=r.project, actor=r.coordinator, what="milestone", values={"title": "Go live", "planned_on": datetime.date(2026, 5, 20)})
    services.add_entry(project=r.project, actor=r.coordinator, what="milestone",
                       values={"title": "Met on time", "planned_on": datetime.date(2026, 5, 10), "actual_on": datetime.date(2026, 5, 9)})
    services.add_entry(project=r.project, actor=r.coordinator, what="risk",
                       values={"title": "Key lawyer leaves", "likelihood": 4, "impact": 4, "review_on": datetime.date(2026, 6, 1)})
    services.add_entry(project=r.project, actor=r.coordinator, what="risk",
                       values={"title": "Small risk", "likelihood": 2, "impact": 2, "review_on": datetime.date(2026, 6, 1)})
    services.add_entry(project=r.project, actor=r.coordinator, what="status",
                       values={"period": datetime.date(2026, 5, 14), "rag": "amber", "narrative": "Go-live slipping"})
    r.quiet = services.create_project(programme=r.programme, actor=r.coordinator, name="Quiet project", lead_council=r.conwy,
                                      purpose="Nothing to report.")
    services.add_entry(project=r.quiet, actor=r.coordinator, what="status", values={"period": MAY, "rag": "green", "narrative": "Fine"})
    r.report = services.highlight_report(programme=r.programme, actor=r.coordinator, month=datetime.date(2026, 5, 17))
    return r


def test_the_highlight_report_shows_the_months_missed_milestones_and_risks_above_the_boards_threshold(reported):
    figures = services.highlight_figures(reported.programme, MAY, on=datetime.date(2026, 6, 3))
    row = next(r for r in figures["rows"] if r["project"] == reported.project)
    assert [m.title for m in row["due"]] == ["Met on time", "Go live"]
    assert [m.title for m in row["missed"]] == ["Go live"]
    assert [r.title for r in row["risks"]] == ["Key lawyer leaves"]  # 16 ≥ 12; the 4-point risk stays off
    assert figures["counts"] == {"red": 0, "amber": 1, "green": 1, "none": 0}


def test_a_milestone_not_yet_due_is_not_missed_in_the_middle_of_the_month(reported):
    figures = services.highlight_figures(reported.programme, MAY, on=datetime.date(2026, 5, 15))
    assert next(r for r in figures["rows"] if r["project"] == reported.project)["missed"] == []


def test_exception_reporting_leaves_out_green_projects_with_nothing_to_report(reported):
    services.update_programme(programme=reported.programme, actor=reported.coordinator, exception_reporting=True)
    figures = services.highlight_figures(reported.programme, MAY, on=datetime.date(2026, 6, 3))
    assert [r["project"].name for r in figures["rows"]] == ["Shared legal service"]
    assert figures["hidden"] == 1


def test_the_coordinator_edits_the_narrative_and_the_board_reads_it_and_downloads_the_pdf(client, reported):
    client.force_login(reported.coordinator)
    url = reverse("programmes:highlight", args=[reported.report.pk])
    assert client.post(url, {"narrative": "Go-live moves to June."}).status_code == 302
    client.force_login(reported.board)
    page = client.get(url)
    assert "Go-live moves to June." in page.content.decode() and page.context["form"] is None
    assert client.post(url, {"narrative": "The board rewrites it"}).status_code == 404
    pdf = client.get(reverse("programmes:highlight-pdf", args=[reported.report.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_sending_the_highlight_report_emails_the_board_and_coordinators_with_the_pdf(client, reported, mailoutbox):
    client.force_login(reported.coordinator)
    client.post(reverse("programmes:highlight-send", args=[reported.report.pk]))
    assert sorted(m.to[0] for m in mailoutbox) == ["board@example.test", "coordinator@example.test"]
    message = mailoutbox[0]
    assert message.subject == "Highlight report for May 2026: Legal services collaboration"
    assert message.attachments[0][0] == "highlight-2026-05.pdf" and message.attachments[0][1].startswith(b"%PDF")
    assert "Shared legal service: Amber; 1 milestone missed; 1 risk above the threshold" in message.body


@pytest.fixture
def newsletter(region):
    from partnering.learning.models import Course

    r = region
    services.set_published(project=r.project, actor=r.lead, published=True)
    Course.objects.create(partnership=r.partnership, title="Advocacy for new solicitors")
    start = timezone.localdate().replace(day=1)
    return services.create_newsletter(partnership=r.partnership, actor=r.coordinator, quarter_start=start,
                                      title_en="Working together", title_cy="Cydweithio", intro_en="Hello", intro_cy="Helo",
                                      case_study_en="How Conwy and Gwynedd share a lawyer", case_study_cy="Sut mae Conwy a Gwynedd yn rhannu cyfreithiwr")


def test_the_newsletter_gathers_the_quarters_register_updates_and_new_courses(region, newsletter):
    contents = services.newsletter_contents(newsletter)
    assert [p.name for p in contents["projects"]] == ["Shared legal service"]
    assert [c.title for c in contents["courses"]] == ["Advocacy for new solicitors"]


def test_the_newsletter_reads_in_welsh_and_in_english_as_a_page_and_a_pdf(client, region, newsletter):
    client.force_login(region.staff)  # staff of a member council read it
    url = reverse("programmes:newsletter", args=[newsletter.pk])
    english, welsh = client.get(url).content.decode(), client.get(url, {"lang": "cy"}).content.decode()
    assert "How Conwy and Gwynedd share a lawyer" in english and "Sut mae Conwy" not in english
    assert "Sut mae Conwy a Gwynedd yn rhannu cyfreithiwr" in welsh and "Cydweithio" in welsh
    pdf = client.get(reverse("programmes:newsletter-pdf", args=[newsletter.pk]), {"lang": "cy"})
    assert pdf.content.startswith(b"%PDF") and pdf["Content-Disposition"].endswith('-cy.pdf"')
    client.force_login(region.outsider)
    assert client.get(url).status_code == 404


def test_the_newsletter_email_is_in_each_recipients_language(client, region, newsletter, mailoutbox):
    region.conwy_lead.language = "cy"
    region.conwy_lead.save()
    client.force_login(region.coordinator)
    client.post(reverse("programmes:newsletter-send", args=[newsletter.pk]))
    subjects = {m.to[0]: m.subject for m in mailoutbox}
    assert subjects["lead@conwy.test"] == "Cydweithio"
    assert subjects["lead@gwynedd.test"] == "Working together"
    assert "Sut mae Conwy" in next(m.body for m in mailoutbox if m.to[0] == "lead@conwy.test")


def test_a_second_newsletter_for_the_same_quarter_is_refused_naming_the_quarter(region, newsletter):
    with pytest.raises(services.Refused) as refusal:
        services.create_newsletter(partnership=region.partnership, actor=region.coordinator, quarter_start=newsletter.quarter_start,
                                   title_en="Again", title_cy="Eto")
    assert refusal.value.field == "quarter_start"


def test_a_scrutiny_member_reads_the_common_template_and_asks_a_question_through_the_page(client, region):
    services.appoint_scrutiny_member(partnership=region.partnership, actor=region.coordinator, person=region.staff, council=region.gwynedd,
                                     start_on=datetime.date(2020, 1, 1))
    client.force_login(region.staff)
    url = reverse("programmes:scrutiny", args=["legal"])
    assert client.get(url).status_code == 200
    assert client.post(url, {"question": ""}).context["form"].errors["question"]
    assert client.post(url, {"question": "How much was saved?"}).status_code == 302
    assert region.programme.questions.get().council == region.gwynedd
    assert client.get(reverse("programmes:project", args=[region.project.pk])).status_code == 200
    assert client.get(reverse("programmes:project-edit", args=[region.project.pk])).status_code == 404


def test_an_agreement_version_is_uploaded_and_downloaded_by_the_board(client, region):
    from django.core.files.uploadedfile import SimpleUploadedFile

    agreement = services.create_agreement(partnership=region.partnership, actor=region.coordinator, councils=[region.gwynedd],
                                          kind="mou", title="MoU", starts_on=datetime.date(2025, 1, 1))
    client.force_login(region.coordinator)
    url = reverse("programmes:agreement", args=[agreement.pk])
    bad = client.post(url, {"file": SimpleUploadedFile("mou.exe", b"MZ"), "note": ""})
    assert "Upload a PDF, Word or OpenDocument file." in bad.context["form"].errors["file"]
    assert client.post(url, {"file": SimpleUploadedFile("mou.pdf", b"%PDF-1.4 mou"), "note": "Signed"}).status_code == 302
    version = agreement.versions.get()
    client.force_login(region.board)
    download = client.get(reverse("programmes:agreement-file", args=[version.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 mou"


def test_a_hosting_agreement_without_a_host_is_refused_naming_the_field(region):
    with pytest.raises(services.Refused) as refusal:
        services.create_agreement(partnership=region.partnership, actor=region.coordinator, councils=[region.gwynedd], kind="hosting",
                                  title="Who hosts", starts_on=datetime.date(2025, 1, 1))
    assert refusal.value.field == "host"


def test_benefit_totals_on_the_programme_page_keep_cashable_and_avoidance_apart(client, region):
    for kind, amount in (("cashable", "1000"), ("avoidance", "2500")):
        services.add_entry(project=region.project, actor=region.coordinator, what="benefit",
                           values={"kind": kind, "description": kind, "planned": Decimal(amount)})
    client.force_login(region.board)
    page = client.get(reverse("programmes:programme", args=["legal"]))
    totals = page.context["benefits"]
    assert totals.planned == {"cashable": Decimal("1000.00"), "avoidance": Decimal("2500.00")}
    assert "Cashable savings and cost avoidance together (not all of it is cash)" in page.content.decode()
