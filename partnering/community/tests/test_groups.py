"""Groups, guests, the forum, documents, calendars, digests and priorities, through the services and the pages."""

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import formats, timezone, translation
from icalendar import Calendar

from partnering.access import community as access
from partnering.access import scope_of
from partnering.community import digest, services
from partnering.community.models import Document, Group, GroupMember
from partnering.community.services import Refused

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 minutes"


def _get(client, person, url):
    client.force_login(person)
    return client.get(url)


# --- guests ---------------------------------------------------------------------------------------------------------

def test_a_guest_sees_only_their_group_and_nothing_else_of_the_partnership(client, net):
    scope = scope_of(net.guest)
    assert scope.guest_group_ids == {net.group.pk} and not scope.partnership_ids
    assert list(access.groups_visible_to(scope)) == [net.group]
    client.force_login(net.guest)
    assert client.get(reverse("community:thread-list", args=[net.group.slug])).status_code == 200
    for url in (reverse("community:group-detail", args=[net.other.slug]), reverse("community:priority-list", args=["nw"]),
                reverse("community:partnership-documents", args=["nw"]), reverse("community:group-join", args=[net.group.slug]),
                reverse("costs:partnership", args=["nw"]), reverse("mapping:partnership-dashboard", args=["nw"])):
        assert client.get(url).status_code == 404, url
    home = client.get(reverse("community:home")).content.decode()
    assert net.group.name in home and net.other.name not in home and "Priorities" not in home


def test_a_guest_is_not_a_chair_and_a_guest_added_without_an_account_gets_one_with_no_employment(net):
    assert [label for _, label, _ in net.group.chair_candidates()] == ["Alice Ashworth", "Bryn Bowen"]
    member = services.member_add(group=net.group, actor=net.coordinator, email="Lee@College.example", full_name="Lee College",
                                 guest_organisation="Wigan College")
    assert member.is_guest and member.person.email == "lee@college.example" and not member.person.employments.exists()
    assert scope_of(member.person).group_ids == {net.group.pk}
    with pytest.raises(Refused, match="full name"):
        services.member_add(group=net.group, actor=net.coordinator, email="nobody@new.example", guest_organisation="X")


def test_staff_of_a_member_council_ask_to_join_and_the_chair_agrees(client, net):
    carol = net.alice.__class__.objects.create_user(email="carol@example.test", full_name="Carol")
    from tests.factories import employ

    employ(carol, net.b)
    member = services.group_join(group=net.other, actor=carol, council=net.b)
    assert member.status == GroupMember.Status.REQUESTED and net.other.pk not in scope_of(carol).group_ids
    with pytest.raises(Refused, match="already asked"):
        services.group_join(group=net.other, actor=carol, council=net.b)
    with pytest.raises(PermissionDenied):
        services.member_approve(member=member, actor=net.alice)  # not in that group, not its chair
    services.member_approve(member=member, actor=net.coordinator)
    assert net.other.pk in scope_of(carol).group_ids
    with pytest.raises(PermissionDenied):
        services.group_join(group=net.other, actor=net.outsider, council=net.c)


def test_an_open_group_takes_staff_straight_away(net):
    services.group_update(group=net.other, actor=net.coordinator, joining=Group.Joining.OPEN)
    member = services.group_join(group=net.other, actor=net.bryn, council=net.b)
    assert member.status == GroupMember.Status.ACTIVE


def test_the_chair_rotates_by_council_and_a_chairs_group_lists_the_chairs(client, net):
    assert net.group.current_chair()[1] == "Alice Ashworth"
    services.group_update(group=net.group, actor=net.coordinator, rotates_by=Group.RotatesBy.COUNCIL,
                          rotation_starts_on=timezone.localdate() - datetime.timedelta(days=100), rotation_months=3)
    turn, label, people = net.group.current_chair()
    assert label == "Wigan" and people == {net.bryn.pk}  # Bolton's turn ran the first three months
    assert access.can_moderate(scope_of(net.bryn), net.group) and not access.can_moderate(scope_of(net.alice), net.group)
    chairs = services.group_create(partnership=net.partnership, actor=net.coordinator, name="SIG chairs", kind=Group.Kind.CHAIRS)
    services.group_update(group=net.group, actor=net.coordinator, reports_to=chairs)
    with pytest.raises(Refused, match="report to itself"):
        services.group_update(group=chairs, actor=net.coordinator, reports_to=net.group)
    page = _get(client, net.coordinator, reverse("community:group-detail", args=[chairs.slug])).content.decode()
    assert "Digital inclusion" in page and "Wigan" in page


# --- forum ----------------------------------------------------------------------------------------------------------

def test_a_mention_emails_the_person_named_in_their_language(net, django_capture_on_commit_callbacks):
    net.bryn.language = "cy"
    net.bryn.save()
    services.set_alerts(member=net.group.members.get(person=net.alice), actor=net.alice, alerts=GroupMember.Alerts.OFF)
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.thread_start(group=net.group, actor=net.guest, title="Union learning reps",
                                       body="Could @Alice Ashworth and @bryn share their plans?")
    post = thread.posts.get()
    assert set(post.mentions.all()) == {net.alice, net.bryn}
    to = sorted(m.to[0] for m in mail.outbox)
    assert to == ["alice@example.test", "bryn@example.test", "coordinator@example.test"] or to == ["alice@example.test", "bryn@example.test"]
    assert any("mentioned you" in m.subject and m.to == ["alice@example.test"] for m in mail.outbox)


def test_replies_reach_followers_who_chose_emails_and_not_those_who_unsubscribed(net, django_capture_on_commit_callbacks):
    thread = services.thread_start(group=net.group, actor=net.alice, title="Budget", body="First thoughts")
    services.reply(thread=thread, actor=net.bryn, body="Agreed")
    services.follow(thread=thread, actor=net.alice, following=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(thread=thread, actor=net.guest, body="One more thing")
    assert [m.to for m in mail.outbox] == [["bryn@example.test"]]


def test_a_locked_thread_takes_no_replies_and_a_hidden_post_is_hidden_from_members(client, net):
    thread = services.thread_start(group=net.group, actor=net.alice, title="Rota", body="Who is free?")
    bad = services.reply(thread=thread, actor=net.bryn, body="Something rude")
    with pytest.raises(PermissionDenied):
        services.thread_lock(thread=thread, actor=net.bryn, locked=True)  # Bryn is not the chair
    services.thread_lock(thread=thread, actor=net.alice, locked=True)  # Alice chairs now
    services.post_hide(post=bad, actor=net.coordinator, hidden=True)
    with pytest.raises(Refused, match="locked"):
        services.reply(thread=thread, actor=net.guest, body="Late")
    page = _get(client, net.guest, thread.get_absolute_url()).content.decode()
    assert "Something rude" not in page and "no more replies" in page
    assert client.post(thread.get_absolute_url(), {"body": "Let me in"}).status_code == 200
    assert thread.posts.count() == 2


def test_forum_search_finds_titles_and_posts_and_not_hidden_ones(client, net):
    services.thread_start(group=net.group, actor=net.alice, title="Evaluation framework", body="Kirkpatrick levels")
    hidden = services.thread_start(group=net.group, actor=net.alice, title="Old", body="kirkpatrick again")
    services.thread_hide(thread=hidden, actor=net.coordinator, hidden=True)
    page = _get(client, net.bryn, reverse("community:thread-list", args=[net.group.slug]) + "?q=kirkpatrick").content.decode()
    assert "Evaluation framework" in page and ">Old<" not in page
    page = _get(client, net.coordinator, reverse("community:thread-list", args=[net.group.slug]) + "?q=kirkpatrick").content.decode()
    assert ">Old<" in page


# --- documents ----------------------------------------------------------------------------------------------------------

def test_document_versions_keep_history_and_every_version_downloads(client, net):
    document = services.document_create(group=net.group, actor=net.alice, title="Terms of reference", filename="terms.pdf", data=PDF)
    v2 = services.version_add(document=document, actor=net.guest, filename="terms v2.pdf", data=PDF + b" v2", note="Union comments")
    assert document.current == v2 and [v.number for v in document.versions.all()] == [2, 1]
    client.force_login(net.bryn)
    page = client.get(document.get_absolute_url()).content.decode()
    assert "Union comments" in page and "Gwen Union" in page and "Download the current version (2)" in page
    first = document.versions.get(number=1)
    response = client.get(reverse("community:version-download", args=[first.pk]))
    assert b"".join(response.streaming_content) == PDF and "terms.pdf" in response["Content-Disposition"]
    with pytest.raises(Refused, match="what changed"):
        services.version_add(document=document, actor=net.alice, filename="t.pdf", data=PDF, note=" ")


@pytest.mark.parametrize("name,data,problem", [
    ("minutes.exe", b"MZ", "must be one of"),
    ("minutes.pdf", b"<html>not a pdf</html>", "is not a PDF"),
    ("minutes.docx", b"%PDF-1.4", "is not a DOCX"),
    ("minutes.txt", b"", "is empty"),
])
def test_an_upload_that_is_not_what_it_says_is_refused_naming_the_file(net, name, data, problem):
    with pytest.raises(Refused, match=problem) as refusal:
        services.document_create(group=net.group, actor=net.alice, title="Minutes", filename=name, data=data)
    assert refusal.value.field == "file"
    assert not Document.objects.filter(title="Minutes").exists()


def test_the_upload_page_shows_a_refused_file_on_the_file_field(client, net):
    client.force_login(net.alice)
    response = client.post(reverse("community:document-create", args=[net.group.slug]),
                           {"title": "Plan", "file": SimpleUploadedFile("plan.pdf", b"GIF89a")})
    assert response.status_code == 200 and "plan.pdf is not a PDF file" in response.content.decode()


def test_a_published_document_reaches_the_partnership_then_the_public_without_signing_in(client, net):
    document = services.document_create(group=net.group, actor=net.alice, title="Impact report", filename="r.pdf", data=PDF)
    carol = net.alice.__class__.objects.create_user(email="carol@example.test", full_name="Carol")
    from tests.factories import employ

    employ(carol, net.a)  # staff of a member council, not in the group
    assert _get(client, carol, document.get_absolute_url()).status_code == 404
    with pytest.raises(PermissionDenied):
        services.document_publish(document=document, actor=net.bryn, published=Document.Published.PUBLIC)
    services.document_publish(document=document, actor=net.alice, published=Document.Published.PARTNERSHIP)
    assert _get(client, carol, document.get_absolute_url()).status_code == 200
    client.logout()
    public_url = reverse("community:public-download", args=[document.pk])
    assert client.get(public_url).status_code == 404
    services.document_publish(document=document, actor=net.coordinator, published=Document.Published.PUBLIC)
    assert b"".join(client.get(public_url).streaming_content) == PDF


def test_the_resource_list_shows_what_is_still_needed(client, net):
    services.resource_save(group=net.group, actor=net.bryn, title="Digital skills survey", still_needed=True)
    document = services.document_create(group=net.group, actor=net.alice, title="Device loan scheme", filename="d.pdf", data=PDF)
    services.resource_save(group=net.group, actor=net.alice, title="Device loans", still_needed=False, document=document)
    with pytest.raises(Refused, match="still needed"):
        services.resource_save(group=net.group, actor=net.alice, title="Vague", still_needed=False)
    page = _get(client, net.guest, reverse("community:document-list", args=[net.group.slug])).content.decode()
    assert "1 item is still needed" in page and "Digital skills survey" in page


# --- calendars ------------------------------------------------------------------------------------------------------------

def _feed(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_the_personal_feed_parses_and_updates_when_an_event_changes(client, net):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    event = services.event_save(group=net.group, actor=net.alice, title="Workshop", starts_at=start,
                                ends_at=start + datetime.timedelta(hours=2), location="Bolton Town Hall")
    token = services.token_renew(person=net.guest)
    url = reverse("community:personal-feed", args=[token.token])
    client.logout()
    [first] = _feed(client, url).walk("VEVENT")
    assert str(first["SUMMARY"]) == "Workshop (Digital inclusion)" and first.decoded("DTSTART") == start
    services.event_save(group=net.group, actor=net.alice, event=event, title="Workshop (moved)", starts_at=start + datetime.timedelta(days=1),
                        ends_at=start + datetime.timedelta(days=1, hours=2), location="Online")
    [second] = _feed(client, url).walk("VEVENT")
    assert str(second["UID"]) == str(first["UID"]) and int(second["SEQUENCE"]) == int(first["SEQUENCE"]) + 1
    assert str(second["LOCATION"]) == "Online" and second.decoded("DTSTART") == start + datetime.timedelta(days=1)
    group_url = reverse("community:group-feed", args=[token.token, net.group.slug])
    assert len(_feed(client, group_url).walk("VEVENT")) == 1
    assert client.get(reverse("community:group-feed", args=[token.token, net.other.slug])).status_code == 404


def test_a_revoked_or_replaced_feed_address_stops_working(client, net):
    first = services.token_renew(person=net.alice)
    url = reverse("community:personal-feed", args=[first.token])
    assert client.get(url).status_code == 200
    second = services.token_renew(person=net.alice)
    assert client.get(url).status_code == 404
    new_url = reverse("community:personal-feed", args=[second.token])
    assert client.get(new_url).status_code == 200
    client.force_login(net.alice)
    client.post(reverse("community:my-calendar"), {"action": "revoke"})
    client.logout()
    assert client.get(new_url).status_code == 404
    assert client.get(reverse("community:group-feed", args=[second.token, net.group.slug])).status_code == 404


def test_leaving_a_group_drops_its_events_from_the_feed(client, net):
    start = timezone.now() + datetime.timedelta(days=1)
    services.event_save(group=net.group, actor=net.alice, title="Meet", starts_at=start, ends_at=start + datetime.timedelta(hours=1))
    token = services.token_renew(person=net.bryn)
    url = reverse("community:personal-feed", args=[token.token])
    assert len(_feed(client, url).walk("VEVENT")) == 1
    services.member_remove(member=net.group.members.get(person=net.bryn), actor=net.bryn)
    assert _feed(client, url).walk("VEVENT") == []


# --- alerts and digest --------------------------------------------------------------------------------------------------

def test_members_who_chose_immediate_emails_hear_of_documents_and_events_and_others_do_not(net, django_capture_on_commit_callbacks):
    services.set_alerts(member=net.group.members.get(person=net.bryn), actor=net.bryn, alerts=GroupMember.Alerts.WEEKLY)
    with django_capture_on_commit_callbacks(execute=True):
        services.document_create(group=net.group, actor=net.alice, title="Plan", filename="p.pdf", data=PDF)
        start = timezone.now() + datetime.timedelta(days=2)
        services.event_save(group=net.group, actor=net.alice, title="Launch", starts_at=start, ends_at=start + datetime.timedelta(hours=1))
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("guest@example.test", "New document in Digital inclusion: Plan"), ("guest@example.test", "New event in Digital inclusion: Launch")]


def test_the_weekly_digest_lists_the_weeks_news_in_the_members_language_once(net):
    services.set_alerts(member=net.group.members.get(person=net.bryn), actor=net.bryn, alerts=GroupMember.Alerts.WEEKLY)
    net.bryn.language = "cy"
    net.bryn.save()
    thread = services.thread_start(group=net.group, actor=net.alice, title="Digital champions", body="Ideas?")
    services.reply(thread=thread, actor=net.guest, body="Union reps could help")
    services.document_create(group=net.group, actor=net.alice, title="Champion role", filename="c.pdf", data=PDF)
    mail.outbox.clear()
    now = timezone.now() + datetime.timedelta(minutes=1)
    assert digest.send_digests(now=now) == 1
    [message] = mail.outbox
    assert message.to == ["bryn@example.test"]
    assert "Edefyn newydd: Digital champions" in message.body and "Champion role, fersiwn 1" in message.body  # in Welsh
    with translation.override("cy"):
        since = formats.date_format(timezone.localtime(now - digest.WEEK), "DATE_FORMAT")
    assert since in message.body  # dates in Welsh
    assert digest.send_digests(now=now + datetime.timedelta(days=1)) == 0  # not again within the week
    call_command("send_group_digest", stdout=io.StringIO())
    assert len(mail.outbox) == 1


def test_the_digest_includes_the_members_overdue_actions(net, monkeypatch):
    from types import SimpleNamespace

    services.set_alerts(member=net.group.members.get(person=net.bryn), actor=net.bryn, alerts=GroupMember.Alerts.WEEKLY)
    action = SimpleNamespace(title="Send the skills audit", due_on=datetime.date(2025, 1, 10), get_absolute_url=lambda: "/meetings/actions/1/")
    monkeypatch.setattr(digest, "overdue_actions_for", lambda person, on: [action] if person == net.bryn else [])
    assert digest.send_digests() == 1
    assert "Send the skills audit" in mail.outbox[0].body and "/meetings/actions/1/" in mail.outbox[0].body


# --- priorities ------------------------------------------------------------------------------------------------------------

def test_members_rank_priorities_and_the_coordinator_turns_the_top_one_into_a_theme_group(client, net):
    ids = {title: services.priority_propose(partnership=net.partnership, actor=net.alice, title=title).pk
           for title in ("Impact measures and evaluation", "Digital inclusion", "Support for union learning representatives")}
    with pytest.raises(Refused, match="already on the list"):
        services.priority_propose(partnership=net.partnership, actor=net.bryn, title="digital inclusion")
    services.priorities_rank(partnership=net.partnership, actor=net.alice, ranks={ids["Digital inclusion"]: 1, ids["Impact measures and evaluation"]: 2})
    client.force_login(net.bryn)
    response = client.post(reverse("community:priority-rank", args=["nw"]),
                           {f"p{ids['Impact measures and evaluation']}": "1", f"p{ids['Digital inclusion']}": "1"})
    assert "Place 1 is already given" in response.content.decode()
    client.post(reverse("community:priority-rank", args=["nw"]),
                {f"p{ids['Impact measures and evaluation']}": "1", f"p{ids['Support for union learning representatives']}": "2"})
    ranking = [(p.title, points) for p, points, _ in services.ranking(net.partnership)]
    assert ranking == [("Impact measures and evaluation", 5), ("Digital inclusion", 3), ("Support for union learning representatives", 2)]
    assert _get(client, net.guest, reverse("community:priority-list", args=["nw"])).status_code == 404
    from partnering.community.models import Priority

    top = Priority.objects.get(pk=ids["Impact measures and evaluation"])
    with pytest.raises(PermissionDenied):
        services.priority_adopt(priority=top, actor=net.alice)
    group = services.priority_adopt(priority=top, actor=net.coordinator)
    assert group.kind == Group.Kind.THEME and group.joining == Group.Joining.OPEN
    assert [p.title for p, _, _ in services.ranking(net.partnership)] == ["Digital inclusion", "Support for union learning representatives"]


def test_another_app_adds_its_events_to_the_personal_feed(client, net, monkeypatch):
    from partnering.community import feeds
    from partnering.community.ical import FeedEvent

    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=5)
    meeting = FeedEvent(uid="meeting-1@partnering", title="Board meeting", starts_at=start, ends_at=start + datetime.timedelta(hours=1),
                        updated_at=timezone.now())
    monkeypatch.setattr(feeds, "_PERSONAL_SOURCES", [])
    feeds.register_personal_source(lambda person: [meeting] if person == net.alice else [])
    url = reverse("community:personal-feed", args=[services.token_renew(person=net.alice).token])
    assert [str(e["SUMMARY"]) for e in _feed(client, url).walk("VEVENT")] == ["Board meeting"]
    url = reverse("community:personal-feed", args=[services.token_renew(person=net.bryn).token])
    assert _feed(client, url).walk("VEVENT") == []
