"""Every URL × every role × objects of the viewer's own, a partner and an outside council × GET and every POST action.

The expected answers live in `partnering/access/matrix.py`, written down independently of the rules;
a URL pattern with no row there fails `test_every_url_has_a_row_in_the_matrix`.
"""

from __future__ import annotations

import pytest
from django.contrib import admin as django_admin
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from partnering.access.matrix import MATRIX, ROLES, Row
from partnering.access.tests.world import OWNERS, build_world
from partnering.overlap.models import Decision, Question

pytestmark = pytest.mark.django_db

# How each URL's arguments come from the world: the kind of object each is keyed by.
PARTNERSHIP_SLUG = lambda w, o: {"slug": w.of("partnership", o).slug}  # noqa: E731
COUNCIL_SLUG = lambda w, o: {"slug": w.of("council", o).slug}  # noqa: E731


def pk(kind):
    return lambda w, o: {"pk": w.of(kind, o).pk}


def decision(w, o):
    """The decision the world records for the owner's partnership."""
    return {"pk": Decision.objects.filter(partnership=w.of("partnership", o)).order_by("pk").first().pk}


def question(w, o):
    """A question the analysis asks the owner's partnership about the owner's line (made once, kept)."""
    line = w.of("line", o)
    found, _ = Question.objects.get_or_create(
        partnership=w.of("partnership", o), provision_a=line, provision_b=line,
        defaults={"year": 2025, "run": w.of("run", o), "key_a": "a", "key_b": "b", "probability": 0.5, "rank": 1},
    )
    return {"pk": found.pk}


ARGUMENTS = {
    "organisations:partnership-detail": PARTNERSHIP_SLUG,
    "organisations:council-detail": COUNCIL_SLUG, "organisations:council-edit": COUNCIL_SLUG,
    "organisations:council-audit": COUNCIL_SLUG, "organisations:venue-create": COUNCIL_SLUG,
    "ops:retention": COUNCIL_SLUG,
    "organisations:venue-detail": pk("venue"), "organisations:venue-edit": pk("venue"),
    "people:person-detail": pk("person"), "ops:person-data": pk("person"),
    "mapping:topic-edit": pk("topic"), "mapping:partnership-dashboard": PARTNERSHIP_SLUG,
    "mapping:council-dashboard": COUNCIL_SLUG, "mapping:return-list": COUNCIL_SLUG, "mapping:return-upload": COUNCIL_SLUG,
    "mapping:provision-list": COUNCIL_SLUG, "mapping:provision-export": COUNCIL_SLUG, "mapping:accept-suggestions": COUNCIL_SLUG,
    "mapping:investment-edit": COUNCIL_SLUG, "mapping:arrangement-create": COUNCIL_SLUG,
    "mapping:batch-preview": pk("batch"), "mapping:batch-map": pk("batch"), "mapping:batch-restore": pk("batch"),
    "mapping:batch-file": pk("batch"), "mapping:line-topic": pk("line"),
    "overlap:report": PARTNERSHIP_SLUG, "overlap:one-council": PARTNERSHIP_SLUG, "overlap:run": PARTNERSHIP_SLUG, "overlap:opportunities": PARTNERSHIP_SLUG,
    "overlap:decisions": PARTNERSHIP_SLUG, "overlap:run-status": pk("run"), "overlap:group-detail": pk("group"),
    "overlap:questions": PARTNERSHIP_SLUG, "overlap:learning": PARTNERSHIP_SLUG, "overlap:question-answer": question,
    "overlap:decision-undo": decision,
    "glossary:term-detail": pk("term"), "glossary:term-edit": pk("term"),
    "learning:session-detail": pk("session"), "learning:register": pk("session"), "learning:booking-cancel": pk("booking"),
    "learning:record-share": COUNCIL_SLUG,
    "learning:person-record": lambda w, o: {"slug": w.of("council", o).slug, "pk": w.of("person", o).pk},
    "learning:requirements": COUNCIL_SLUG, "learning:council-bookings": COUNCIL_SLUG, "learning:booking-decide": pk("booking"),
    "learning:evidence-file": pk("evidence"), "learning:evidence-decide": pk("evidence"),
    "learning:evaluate": pk("attended"), "learning:follow-up": pk("attended"), "learning:course-evaluations": pk("course"),
    "learning:reports": PARTNERSHIP_SLUG, "learning:course-create": PARTNERSHIP_SLUG, "learning:session-create": pk("course"),
    "learning:session-edit": pk("session"),
    "costs:partnership": PARTNERSHIP_SLUG, "costs:pool-create": PARTNERSHIP_SLUG, "costs:package-create": PARTNERSHIP_SLUG,
    "costs:entitlement-create": PARTNERSHIP_SLUG,
    "costs:statement": lambda w, o: {"slug": w.of("partnership", o).slug, "council": w.of("council", o).slug},
    "costs:statement-download": lambda w, o: {"slug": w.of("partnership", o).slug, "council": w.of("council", o).slug},
    "costs:pool-detail": pk("pool"), "costs:pool-terms": pk("pool"), "costs:pool-basis": pk("pool"), "costs:cost-add": pk("pool"),
    "costs:recharges": pk("pool"), "costs:basis-remove": pk("basis"), "costs:cost-remove": pk("cost"),
    "costs:package-detail": pk("package"), "costs:package-add": pk("package"), "costs:package-remove": pk("package"),
    "costs:entitlement-detail": pk("entitlement"), "costs:entitlement-add": pk("entitlement"),
    "costs:entitlement-remove": pk("entitlement"),
    # directory
    "directory:profile-detail": pk("person"), "directory:skill-edit": pk("held_skill"), "directory:skill-remove": pk("held_skill"),
    "directory:skill-verify": pk("held_skill"), "directory:taxonomy-edit": pk("skill"), "directory:request-create": PARTNERSHIP_SLUG,
    "directory:request-detail": pk("help_request"), "directory:request-ask": pk("help_request"),
    "directory:request-outcome": pk("help_request"), "directory:ask-respond": pk("ask"), "directory:tiers": PARTNERSHIP_SLUG,
    "directory:tier-create": PARTNERSHIP_SLUG, "directory:tier-assign": PARTNERSHIP_SLUG, "directory:tier-remove": pk("tier"),
    "directory:request-reopen": pk("help_request"), "directory:ask-withdraw": pk("ask"),
    # community
    "community:personal-feed": lambda w, o: {"token": w.of("feed_token", o).token},
    "community:group-feed": lambda w, o: {"token": w.of("feed_token", o).token, "slug": w.of("sig", o).slug},
    "community:public-download": pk("public_document"), "community:group-create": PARTNERSHIP_SLUG,
    "community:partnership-documents": PARTNERSHIP_SLUG, "community:priority-list": PARTNERSHIP_SLUG,
    "community:priority-rank": PARTNERSHIP_SLUG, "community:priority-adopt": pk("priority"),
    **{f"community:{name}": lambda w, o: {"slug": w.of("sig", o).slug}
       for name in ("group-detail", "group-edit", "group-join", "member-add", "alerts", "thread-list", "thread-create", "document-list",
                    "document-create", "resource-create", "event-list", "event-create")},
    "community:member-approve": pk("join_request"), "community:member-remove": pk("sig_member"),
    "community:thread-detail": pk("thread"), "community:thread-follow": pk("thread"), "community:thread-lock": pk("thread"),
    "community:thread-hide": pk("thread"), "community:post-hide": pk("post"), "community:document-detail": pk("document"),
    "community:document-upload": pk("document"), "community:document-publish": pk("document"),
    "community:version-download": pk("version"), "community:resource-edit": pk("resource"), "community:event-edit": pk("event"),
    # identity
    "identity:access-request-decide": pk("access_request"),
    "identity:hr-upload": COUNCIL_SLUG, "identity:hr-import": pk("hr_import"),
    "openid_connect_login": lambda w, o: {"provider_id": w.of("council", o).slug},
    "openid_connect_callback": lambda w, o: {"provider_id": w.of("council", o).slug},
    # api
    "api:council-detail": COUNCIL_SLUG, "api:partnership-detail": PARTNERSHIP_SLUG, "api:tokens": COUNCIL_SLUG,
    "api:provision-detail": pk("line"), "api:session-detail": pk("session"), "api:booking-detail": pk("booking"),
    "api:training-record-detail": pk("training_record"), "api:person-detail": pk("person"), "api:employment-detail": pk("employment"),
    "api:token-revoke": pk("api_token"),
    "api:cost-statement-detail": lambda w, o: {"partnership": w.of("partnership", o).slug, "council": w.of("council", o).slug},
    "api:hr-import-detail": pk("hr_import"),
    "api:register-project-detail": lambda w, o: {"identifier": w.of("prog_project", o).identifier},
    # programmes and the register
    **{f"programmes:{name}": PARTNERSHIP_SLUG
       for name in ("programme-create", "agreements", "agreement-create", "scrutiny-members", "newsletters", "newsletter-create")},
    **{f"programmes:{name}": lambda w, o: {"slug": w.of("prog_programme", o).slug}
       for name in ("programme", "programme-edit", "project-create", "scrutiny", "highlight-create")},
    **{f"programmes:{name}": pk("prog_project") for name in ("project", "project-edit", "publish", "project-add", "entry-remove")},
    "programmes:milestone-update": pk("entry:milestone"), "programmes:signoff": pk("entry:decision"),
    "programmes:indicator-create": pk("entry:result"), "programmes:indicator": pk("prog_indicator"),
    "programmes:agreement": pk("prog_agreement"), "programmes:agreement-file": pk("prog_agreement_version"),
    "programmes:question-answer": pk("prog_question"),
    **{f"programmes:{name}": pk("prog_highlight") for name in ("highlight", "highlight-pdf", "highlight-send")},
    **{f"programmes:{name}": pk("prog_newsletter") for name in ("newsletter", "newsletter-edit", "newsletter-pdf", "newsletter-send")},
    "register:project": lambda w, o: {"identifier": w.of("prog_project", o).identifier},
    # meetings
    **{f"meetings:{name}": lambda w, o: {"slug": w.of("body", o).slug}
       for name in ("body", "hosts", "member-add", "meeting-create", "meeting-plan", "decisions", "decisions-xlsx", "decisions-csv",
                    "actions", "actions-xlsx", "actions-csv")},
    "meetings:member-remove": lambda w, o: {"slug": w.of("body", o).slug, "pk": w.of("body_member", o).pk},
    **{f"meetings:{name}": pk("meeting")
       for name in ("meeting", "meeting-edit", "invite", "calendar", "carry-forward", "item-add", "minutes", "decision-add", "action-add",
                    "pack", "minutes-pdf")},
    "meetings:item-edit": pk("agenda_item"), "meetings:item-remove": pk("agenda_item"), "meetings:paper-add": pk("agenda_item"),
    "meetings:paper": pk("paper"), "meetings:paper-remove": pk("paper"), "meetings:decision-remove": pk("meeting_decision"),
    "meetings:action": pk("action"),
    # workforce
    **{f"workforce:{name}": PARTNERSHIP_SLUG
       for name in ("partnership", "post-create", "secondment-create", "balances", "time-export", "recruitment-create", "terms",
                    "terms-edit", "harmonise")},
    "workforce:post-detail": pk("wf_post"), "workforce:post-share": pk("wf_post"), "workforce:share-remove": pk("wf_share"),
    "workforce:secondment-detail": pk("wf_secondment"), "workforce:secondment-edit": pk("wf_secondment"),
    **{f"workforce:{name}": pk("wf_timesheet") for name in ("timesheet", "timesheet-submit", "timesheet-decide", "timesheet-unlock")},
    "workforce:entry-remove": pk("wf_entry"),
    **{f"workforce:{name}": pk("wf_recruitment")
       for name in ("recruitment", "recruitment-edit", "evaluation", "sign-off", "advertise", "advert-pack")},
    "planning:plan": pk("course"), "planning:apply": pk("course"), "planning:plan-detail": pk("plan"),
    "planning:plan-undo": pk("plan"),
    "password_reset_confirm": lambda w, o: {"uidb64": "MQ", "token": "set-password"},
    "rosetta-file-list": lambda w, o: {"po_filter": "project"},
    "rosetta-form": lambda w, o: {"po_filter": "project", "lang_id": "cy", "idx": 0},
    "rosetta-download-file": lambda w, o: {"po_filter": "project", "lang_id": "cy", "idx": 0},
    # assessment
    "assessment:rules": PARTNERSHIP_SLUG, "assessment:framework-create": PARTNERSHIP_SLUG, "assessment:survey-create": PARTNERSHIP_SLUG,
    "assessment:framework-detail": pk("framework"), "assessment:criterion-add": pk("framework"), "assessment:assessment-start": pk("framework"),
    "assessment:criterion-edit": pk("criterion"), "assessment:assessment-detail": pk("assessment"),
    "assessment:assessment-benchmark": pk("assessment"), "assessment:assessment-scores": pk("assessment"),
    "assessment:evidence-add": pk("assessment"), "assessment:evidence-file": pk("assessment_evidence"),
    "assessment:evidence-remove": pk("assessment_evidence"), "assessment:assessment-moderate": pk("submitted_assessment"),
    "assessment:assessment-transition": pk("submitted_assessment"), "assessment:action-edit": pk("assessment_action"),
    "assessment:survey-detail": pk("survey"), "assessment:survey-results": pk("survey"), "assessment:question-add": pk("survey"),
    "assessment:wave-open": pk("survey"), "assessment:wave-close": pk("wave"), "assessment:wave-remind": pk("wave"),
    "assessment:answer": pk("wave"), "assessment:client-answer": lambda w, o: {"token": w.of("client_survey", o).token},
}
# URLs with a part of the address chosen by the row's action (a decision, a format, the kind of entry);
# for removals, the entry is the owner's record of that kind.
ACTION_IN_ADDRESS = {"overlap:group-decide": "action", "assessment:assessment-transition": "action", "costs:statement-download": "fmt", "costs:recharges": "fmt",
                     "costs:package-add": "what", "costs:package-remove": "what", "costs:entitlement-add": "what",
                     "costs:entitlement-remove": "what"}
ENTRY_IN_ADDRESS = {"costs:package-remove", "costs:entitlement-remove"}
# programmes: the kind of a project's entry is in the address (and, to remove one, the owner's entry of that kind)
ACTION_IN_ADDRESS.update({"programmes:project-add": "what", "programmes:entry-remove": "what"})
ENTRY_IN_ADDRESS.add("programmes:entry-remove")
# workforce: the approved time's format is in the address
ACTION_IN_ADDRESS["workforce:time-export"] = "fmt"
# URLs with no object in the address whose answer still depends on one (posted in the form).
OBJECT_IN_FORM = {"switch-council"}
# URLs whose arguments are not records: asked once, not per owner.
NOT_OWNED = {"password_reset_confirm", "rosetta-file-list", "rosetta-form", "rosetta-download-file"}


def post_data(name: str, world, owner, person) -> dict:
    """A POST an allowed person could send: enough that a refusal comes from the rules, not from the form."""
    if name == "switch-council":
        return {"council": world.of("council", owner).slug}
    if name == "mapping:line-topic":
        return {"topic": world.of("topic", owner).pk}
    if name == "learning:booking-decide":
        return {"decision": "approve"}
    if name == "learning:evidence-decide":
        return {"decision": "approve"}
    if name == "identity:access-request-decide":
        return {"decision": "approve"}
    if name == "learning:session-detail" and person is not None:
        employment = person.employments.order_by("pk").first()
        return {"council": employment.council_id} if employment else {}
    if name == "set_language":
        return {"language": "cy", "next": "/"}
    if name in ("login", "password_reset"):
        return {"username": "nobody@matrix.test", "password": "wrong", "email": "nobody@matrix.test"}
    return {}


def url_names() -> set[str]:
    """Every named URL pattern in the URLconf, with its namespace."""
    names = set()

    def walk(patterns, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
            elif isinstance(entry, URLPattern) and entry.name:
                names.add(f"{namespace}{entry.name}")

    walk(get_resolver().url_patterns, "")
    return names


def test_every_url_has_a_row_in_the_matrix():
    missing = sorted(name for name in url_names() if name not in MATRIX and not name.startswith("admin:"))
    assert not missing, f"Add these URLs to partnering/access/matrix.py: {missing}"
    stale = sorted(set(MATRIX) - url_names())
    assert not stale, f"The matrix names URLs that no longer exist: {stale}"


def _answer(client, world, name: str, row: Row, owner, role: str):
    kwargs = ARGUMENTS[name](world, owner) if name in ARGUMENTS else {}
    if name == "overlap:group-decide":
        kwargs = {"pk": world.of("group", owner).pk}
    if name in ACTION_IN_ADDRESS:
        kwargs[ACTION_IN_ADDRESS[name]] = row.action
    if name in ENTRY_IN_ADDRESS:
        kwargs["entry"] = world.of(f"entry:{row.action}", owner).pk
    url = reverse(name, kwargs=kwargs)
    person = world.people[role]
    # Each request runs in a savepoint that is rolled back, so one role's action never changes the next role's answer.
    with transaction.atomic():
        if row.method == "GET":
            response = client.get(url)
        else:
            response = client.post(url, post_data(name, world, owner, person))
        transaction.set_rollback(True)
    return url, response


def _outcome(response, row: Row) -> str:
    if response.status_code == 404:
        return "not found"
    if response.status_code == 302 and response["Location"].startswith("/accounts/login/"):
        return "ok" if row.signs_out else "sign in"
    if response.status_code == 401:  # the API's way of asking to sign in
        return "sign in"
    if response.status_code in (200, 302):
        return "ok"
    return f"status {response.status_code}"


def _checks(name):
    takes_object = (name in ARGUMENTS or name in OBJECT_IN_FORM or name == "overlap:group-decide") and name not in NOT_OWNED
    for row in MATRIX[name]:
        for owner in (OWNERS if takes_object else (None,)):
            yield row, owner


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_world()


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_gets_the_answer_the_matrix_gives(client, world, name):
    wrong = []
    for role in ROLES:
        client.logout()
        if world.people[role] is not None:
            client.force_login(world.people[role])
        for row, owner in _checks(name):
            url, response = _answer(client, world, name, row, owner, role)
            allowed = role in row.roles_for(owner)
            expected = "ok" if allowed else ("sign in" if role == "anonymous" else row.refused)
            got = _outcome(response, row)
            if got != expected:
                wrong.append(f"{row.method} {url} as {role} ({owner or 'no object'}): expected {expected}, got {got}")
    assert not wrong, "\n".join(wrong)


# --- The admin site ----------------------------------------------------------------------------------

ADMIN_OBJECTS = {  # model -> how to find each owner's object in the world
    "council": lambda w, o: w.of("council", o),
    "venue": lambda w, o: w.of("venue", o),
    "employment": lambda w, o: w.of("person", o).employments.first(),
}


def _admin_outcome(response) -> str:
    if response.status_code == 302 and "/admin/login/" in response["Location"]:
        return "sign in"
    if response.status_code == 302:
        return "not there"  # the admin's answer for an object outside the queryset
    return {200: "ok", 403: "forbidden", 404: "not there"}.get(response.status_code, f"status {response.status_code}")


def test_the_admin_is_for_staff_and_a_non_superuser_sees_only_what_the_rules_allow(client, world):
    wrong = []

    def check(role, url, expected):
        client.logout()
        if world.people[role] is not None:
            client.force_login(world.people[role])
        got = _admin_outcome(client.get(url))
        if got != expected:
            wrong.append(f"GET {url} as {role}: expected {expected}, got {got}")

    granted_apps = {"organisations", "people", "core"}  # the staff admin's Django permissions
    for role in ROLES:
        staff = role in ("admin", "staff_admin")
        check(role, reverse("admin:index"), "ok" if staff else "sign in")
        for model in django_admin.site._registry:
            info = model._meta.app_label, model._meta.model_name
            expected = "sign in" if not staff else ("ok" if role == "admin" or info[0] in granted_apps else "forbidden")
            check(role, reverse("admin:{}_{}_changelist".format(*info)), expected)
    may_add = {"venue": "ok", "employment": "ok", "council": "forbidden", "partnership": "forbidden", "person": "forbidden"}
    for model_name, expected in may_add.items():
        app = {"venue": "organisations", "council": "organisations", "partnership": "organisations"}.get(model_name, "people")
        check("staff_admin", reverse(f"admin:{app}_{model_name}_add"), expected)
        check("admin", reverse(f"admin:{app}_{model_name}_add"), "ok")
    # The staff admin leads south: south's records open; north's private venue and employments, and outsider's, do not.
    visible = {"council": set(OWNERS), "venue": {"south"}, "employment": {"south"}}
    for model_name, find in ADMIN_OBJECTS.items():
        app = "people" if model_name == "employment" else "organisations"
        for owner in OWNERS:
            url = reverse(f"admin:{app}_{model_name}_change", args=[find(world, owner).pk])
            check("staff_admin", url, "ok" if owner in visible[model_name] else "not there")
            check("admin", url, "ok")
    assert not wrong, "\n".join(wrong)


def test_the_readmes_table_is_the_matrix():
    from pathlib import Path

    from partnering.access.matrix import readme_table

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text()
    table = readme.split("<!-- access-matrix:start -->\n", 1)[1].split("\n<!-- access-matrix:end -->", 1)[0]
    assert table == readme_table(), "Paste the output of `python -m partnering.access.matrix` into the README"
