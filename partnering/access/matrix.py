"""Who may reach every URL, written down independently of the rules that enforce it.

The matrix test (`partnering/access/tests/test_matrix.py`) requests every URL pattern as every role, for
objects of the viewer's own council, a partner council and a council outside all the viewer's
partnerships, with GET and every POST action, and checks each answer against these rows. A URL with
no row fails the test, so every new URL must add one. The README's "Who can see and do what" table
is printed from these rows (`python -m partnering.access.matrix`).

Plain Python: no Django import, so the expectations cannot borrow from the code they check.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = ("anonymous", "staff", "lead", "trainer", "coordinator", "board", "shared", "admin", "staff_admin", "other_lead",
         "other_coordinator", "guest")
SIGNED_IN = frozenset(ROLES) - {"anonymous"}
EVERYONE = frozenset(ROLES)

# Who is who, per owner of the object asked for (north = the viewer's own council for most roles).
EMPLOYEES = {"north": {"staff", "lead", "trainer", "shared"}, "south": {"shared", "staff_admin"}, "outsider": {"other_lead"}}
LEADS = {"north": {"lead"}, "south": {"staff_admin"}, "outsider": {"other_lead"}}
NETWORK = {"north": "own", "south": "own", "outsider": "other"}
COORDINATORS = {"own": {"coordinator"}, "other": {"other_coordinator"}}
BOARD = {"own": {"board"}, "other": set()}
MEMBERS = {  # everyone the partnership's catalogue is for: its councils' staff, coordinators and board
    "own": EMPLOYEES["north"] | EMPLOYEES["south"] | {"coordinator", "board"},
    "other": EMPLOYEES["outsider"] | {"other_coordinator"},
}
OVERSEERS = {"own": {"coordinator", "board", "lead", "staff_admin"}, "other": {"other_coordinator", "other_lead"}}
ANY_COORDINATOR = {"coordinator", "other_coordinator"}
POOL_LEADS = {"own": LEADS["north"] | LEADS["south"], "other": LEADS["outsider"]}  # leads of the councils sharing a pool
PACKAGE_ENTRIES = ("award", "amendment", "profile", "reprofile", "spend", "claim", "in_kind")
ENTITLEMENT_ENTRIES = ("drawdown", "one_to_one", "group")
SUBJECT = {"north": {"staff"}, "south": set(), "outsider": set()}  # the member of staff whose records are read


def network(rule: Callable[[str], set]) -> Callable[[str], set]:
    """A rule about a partnership, applied to the partnership of the object's council."""
    return lambda owner: rule(NETWORK[owner])


@dataclass(frozen=True)
class Row:
    """Who gets a useful answer from one URL. `allowed` is a set of roles, or a function of the
    object's owner giving one. Everyone else signed in gets 404 (the same as "missing"); anonymous
    visitors are sent to sign in. Site administrators are allowed unless `admin` is False."""

    who: str  # in words, for the README
    allowed: frozenset | Callable[[str], set]
    method: str = "GET"
    action: str = ""  # the POST action's name, for URLs with several
    admin: bool = True
    public: bool = False  # anonymous visitors are answered too
    refused: str = "not found"  # what a signed-in person who may not gets ("sign in" where a library decides)
    signs_out: bool = False  # a useful answer is the sign-in page (signing out)

    def roles_for(self, owner: str | None) -> frozenset:
        roles = set(self.allowed(owner) if callable(self.allowed) else self.allowed)
        if self.admin:
            roles.add("admin")
        if self.public:
            roles.add("anonymous")
        return frozenset(roles)


def both(who, allowed, **extra) -> list[Row]:
    return [Row(who, allowed, "GET", **extra), Row(who, allowed, "POST", **extra)]


lead_of = lambda owner: LEADS[owner]  # noqa: E731
employee_of = lambda owner: EMPLOYEES[owner]  # noqa: E731
coordinators_of = network(lambda n: COORDINATORS[n])
overseers_of = network(lambda n: OVERSEERS[n])
members_of = network(lambda n: MEMBERS[n])


def partnership_rule(rule):
    """For URLs keyed by a partnership: 'north' and 'south' ask for the own network, 'outsider' for the other."""
    return network(rule)


# community: the group of each network (the guest is a guest member of the own network's), its chair now, who reads inside it
GROUP_MEMBERS = {"own": {"staff", "shared", "guest"}, "other": {"other_lead"}}
GROUP_CHAIR = {"own": {"staff"}, "other": {"other_lead"}}
group_readers = network(lambda n: GROUP_MEMBERS[n] | COORDINATORS[n])
group_moderators = network(lambda n: GROUP_CHAIR[n] | COORDINATORS[n])
group_seers = network(lambda n: MEMBERS[n] | GROUP_MEMBERS[n])
group_joiners = network(lambda n: EMPLOYEES["north"] | EMPLOYEES["south"] if n == "own" else EMPLOYEES["outsider"])
READERS = "the group's members (guests included) and the partnership's coordinators"
MODERATORS = "the group's chair now and the partnership's coordinators"

# meetings: who reads a network's board (its members, the coordinators, the board, the leads of the councils that host in turn)
BODY_MEMBERS = {"own": {"staff"}, "other": set()}
BODY_HOST_LEADS = {"own": LEADS["north"] | LEADS["south"], "other": LEADS["outsider"]}
body_readers = network(lambda n: BODY_MEMBERS[n] | COORDINATORS[n] | BOARD[n] | BODY_HOST_LEADS[n])
meeting_editors = lambda owner: COORDINATORS[NETWORK[owner]] | LEADS[owner]  # noqa: E731
BODY_READERS_TEXT = "the body's members, the partnership's coordinators, its board (for the board), leads of the councils that host"
MEETING_EDITORS_TEXT = "the partnership's coordinators and the host council's leads"

# programmes: who reads a network's programmes (its overseers and the scrutiny members its councils appoint), who keeps a
# project up to date (the coordinators and the lead council's leads), and the kinds of entry a project has
SCRUTINY = {"own": {"trainer"}, "other": set()}
programme_readers = network(lambda n: OVERSEERS[n] | SCRUTINY[n])
project_editors = lambda owner: COORDINATORS[NETWORK[owner]] | LEADS[owner]  # noqa: E731
PROGRAMME_READERS_TEXT = "coordinators and board of the partnership, leads of its councils, its scrutiny members"
PROJECT_EDITORS_TEXT = "the partnership's coordinators and the lead council's leads"
PROJECT_ENTRIES = ("milestone", "status", "risk", "decision", "result", "benefit", "factor", "lesson", "council", "organisation", "body")

MATRIX: dict[str, list[Row]] = {
    # core
    "home": [Row("anyone signed in", SIGNED_IN)],
    "healthz": [Row("anyone", EVERYONE, public=True)],
    "switch-council": [Row("people employed by that council", employee_of, "POST", admin=False)],
    # accounts and language
    "login": [Row("anyone", EVERYONE, public=True), Row("anyone", EVERYONE, "POST", public=True)],
    "logout": [Row("anyone", EVERYONE, "POST", public=True, signs_out=True)],
    "password_reset": [Row("anyone", EVERYONE, public=True), Row("anyone", EVERYONE, "POST", public=True)],
    "password_reset_done": [Row("anyone", EVERYONE, public=True)],
    "password_reset_confirm": [Row("anyone (with the emailed link)", EVERYONE, public=True)],
    "password_reset_complete": [Row("anyone", EVERYONE, public=True)],
    "set_language": [Row("anyone", EVERYONE, "POST", public=True)],
    # translating the Welsh catalogue (django-rosetta): site administrators only
    "rosetta-old-home-redirect": [Row("anyone (a redirect to the file list)", EVERYONE, public=True)],
    "rosetta-file-list-redirect": [Row("anyone (a redirect to the file list)", EVERYONE, public=True)],
    "rosetta-file-list": [Row("site administrators", set(), refused="sign in")],
    "rosetta-form": both("site administrators", set(), refused="sign in"),
    "rosetta-download-file": [Row("site administrators", set(), refused="sign in")],
    "rosetta.translate_text": [Row("site administrators", set(), refused="sign in")],
    # organisations
    "organisations:partnership-list": [Row("anyone signed in", SIGNED_IN)],
    "organisations:partnership-detail": [Row("anyone signed in", SIGNED_IN)],
    "organisations:council-list": [Row("anyone signed in", SIGNED_IN)],
    "organisations:council-detail": [Row("anyone signed in", SIGNED_IN)],
    "organisations:council-edit": both("the council's L&D or HR leads", lead_of),
    "organisations:council-audit": [Row("the council's L&D or HR leads", lead_of)],
    "organisations:venue-create": both("the council's L&D or HR leads", lead_of),
    "organisations:venue-detail": [Row("the council's staff; its partnership if shared; everyone if public",
                                       lambda o: EMPLOYEES["north"] if o == "north" else MEMBERS[NETWORK[o]])],
    "organisations:venue-edit": both("the council's L&D or HR leads", lead_of),
    # people
    "people:person-list": [Row("anyone signed in", SIGNED_IN)],
    "people:person-detail": [Row("colleagues at the person's council, its partnerships' coordinators, the person",
                                 lambda o: EMPLOYEES[o] | COORDINATORS[NETWORK[o]])],
    "people:me": [Row("anyone signed in", SIGNED_IN)],
    "people:language": [Row("anyone signed in", SIGNED_IN, "POST")],
    # mapping
    "mapping:home": [Row("anyone signed in", SIGNED_IN)],
    "mapping:template": [Row("anyone signed in", SIGNED_IN)],
    "mapping:topic-list": [Row("anyone signed in", SIGNED_IN)],
    "mapping:topic-create": both("coordinators of any partnership", ANY_COORDINATOR),
    "mapping:topic-edit": both("coordinators of any partnership", ANY_COORDINATOR),
    "mapping:partnership-dashboard": [Row("coordinators and board of the partnership, leads of its councils", overseers_of)],
    "mapping:council-dashboard": [Row("the council's leads; coordinators and board of its partnerships",
                                      lambda o: LEADS[o] | COORDINATORS[NETWORK[o]] | BOARD[NETWORK[o]])],
    "mapping:return-list": [Row("the council's L&D or HR leads", lead_of)],
    "mapping:return-upload": both("the council's L&D or HR leads", lead_of),
    "mapping:provision-list": [Row("the council's staff; its partnership where the return is shared",
                                   lambda o: EMPLOYEES["north"] if o == "north" else MEMBERS[NETWORK[o]])],
    "mapping:provision-export": [Row("the council's staff; its partnership where the return is shared",
                                     lambda o: EMPLOYEES["north"] if o == "north" else MEMBERS[NETWORK[o]])],
    "mapping:accept-suggestions": [Row("the council's L&D or HR leads", lead_of, "POST")],
    "mapping:investment-edit": both("the council's L&D or HR leads", lead_of),
    "mapping:arrangement-create": both("the council's L&D or HR leads", lead_of),
    "mapping:batch-preview": [Row("the council's L&D or HR leads", lead_of)],
    "mapping:batch-map": both("the council's L&D or HR leads", lead_of),
    "mapping:batch-restore": [Row("the council's L&D or HR leads", lead_of, "POST")],
    "mapping:batch-file": [Row("the council's L&D or HR leads", lead_of)],
    "mapping:line-topic": [Row("the council's L&D or HR leads", lead_of, "POST")],
    # overlap and glossary
    "overlap:report": [Row("coordinators and board of the partnership, leads of its councils", overseers_of)],
    "overlap:one-council": [Row("coordinators and board of the partnership, leads of its councils", overseers_of)],
    "overlap:run": [Row("the partnership's coordinators", coordinators_of, "POST")],
    "overlap:opportunities": [Row("coordinators and board of the partnership, leads of its councils", overseers_of)],
    "overlap:decisions": [Row("coordinators and board of the partnership, leads of its councils", overseers_of)],
    "overlap:run-status": [Row("coordinators and board of the partnership, leads of its councils", overseers_of)],
    "overlap:group-detail": [Row("coordinators and board of the partnership, leads of its councils", overseers_of)],
    "overlap:group-decide": [Row("the partnership's coordinators", coordinators_of, "POST", action=action)
                             for action in ("confirm", "reject", "split", "merge")],
    "overlap:questions": [Row("the partnership's coordinators", coordinators_of)],
    "overlap:question-answer": [Row("the partnership's coordinators", coordinators_of, "POST")],
    "overlap:decision-undo": [Row("the partnership's coordinators", coordinators_of, "POST")],
    "overlap:learning": [Row("the partnership's coordinators", coordinators_of, "POST")],
    "glossary:term-list": [Row("anyone signed in", SIGNED_IN)],
    "glossary:term-detail": [Row("anyone signed in", SIGNED_IN),
                             Row("leads, for the council they act for (a local name)", {"lead", "staff_admin", "other_lead"}, "POST",
                                 admin=False)],
    "glossary:term-create": both("coordinators of any partnership", ANY_COORDINATOR),
    "glossary:term-edit": both("coordinators of any partnership", ANY_COORDINATOR),
    # learning
    "learning:catalogue": [Row("anyone signed in", SIGNED_IN)],
    "learning:session-detail": [Row("staff of the partnership's councils, its coordinators and board", members_of),
                                Row("staff of the partnership's councils (booking for their council)",
                                    network(lambda n: MEMBERS[n] - COORDINATORS[n] - BOARD[n]), "POST", admin=False)],
    "learning:register": both("the session's trainers and the partnership's coordinators",
                              lambda o: coordinators_of(o) | ({"trainer"} if o == "north" else set())),
    "learning:my-bookings": [Row("anyone signed in", SIGNED_IN)],
    "learning:booking-cancel": [Row("the person, and their council's leads", lambda o: SUBJECT[o] | LEADS[o], "POST")],
    "learning:my-record": [Row("anyone signed in", SIGNED_IN)],
    "learning:record-share": [Row("people employed by that council", employee_of, "POST", admin=False)],
    "learning:person-record": [Row("the council's L&D or HR leads", lead_of)],
    "learning:requirements": both("the council's L&D or HR leads", lead_of),
    "learning:council-bookings": [Row("the council's L&D or HR leads", lead_of)],
    "learning:booking-decide": [Row("the person's line manager or council's leads; never the person", lead_of, "POST")],
    "learning:approvals": [Row("anyone signed in", SIGNED_IN)],
    "learning:evidence-add": both("anyone with a current employment",
                                  EMPLOYEES["north"] | EMPLOYEES["south"] | EMPLOYEES["outsider"], admin=False),
    "learning:evidence-file": [Row("the person, and the council's leads", lambda o: SUBJECT[o] | LEADS[o])],
    "learning:evidence-decide": [Row("the council's leads; never the person", lead_of, "POST")],
    "learning:evaluate": both("the person who attended", SUBJECT.get, admin=False),
    "learning:follow-up": both("the person who attended", SUBJECT.get, admin=False),
    "learning:course-evaluations": [Row("coordinators and board of the partnership, leads of its councils", overseers_of)],
    "learning:reports": [Row("coordinators and board of the partnership, leads of its councils", overseers_of)],
    "learning:course-create": both("the partnership's coordinators", coordinators_of),
    "learning:session-create": both("the partnership's coordinators", coordinators_of),
    "learning:session-edit": both("the partnership's coordinators", coordinators_of),
    # planning
    "planning:plan": [Row("the partnership's coordinators", coordinators_of)],
    "planning:apply": [Row("the partnership's coordinators", coordinators_of, "POST")],
    "planning:plan-detail": [Row("the partnership's coordinators", coordinators_of)],
    "planning:plan-undo": [Row("the partnership's coordinators", coordinators_of, "POST")],
    # shared costs: coordinators manage; the board and the councils' leads read; a statement is its own council's
    "costs:home": [Row("anyone signed in", SIGNED_IN)],
    "costs:partnership": [Row("coordinators and board of the partnership, leads of its councils", overseers_of)],
    "costs:pool-create": both("the partnership's coordinators", coordinators_of),
    "costs:package-create": both("the partnership's coordinators", coordinators_of),
    "costs:entitlement-create": both("the partnership's coordinators", coordinators_of),
    "costs:statement": [Row("the council's leads; coordinators and board of the partnership",
                            lambda o: LEADS[o] | COORDINATORS[NETWORK[o]] | BOARD[NETWORK[o]])],
    "costs:statement-download": [Row("the council's leads; coordinators and board of the partnership",
                                     lambda o: LEADS[o] | COORDINATORS[NETWORK[o]] | BOARD[NETWORK[o]], action=fmt)
                                 for fmt in ("xlsx", "pdf")],
    "costs:pool-detail": [Row("coordinators and board of the partnership, leads of its councils", overseers_of)],
    "costs:pool-terms": both("the partnership's coordinators", coordinators_of),
    "costs:pool-basis": both("the partnership's coordinators", coordinators_of),
    "costs:cost-add": both("the partnership's coordinators; leads of the pool's councils (for their council)",
                           network(lambda n: COORDINATORS[n] | POOL_LEADS[n])),
    "costs:recharges": [Row("coordinators and board of the partnership, leads of its councils", overseers_of, action=fmt)
                        for fmt in ("xlsx", "csv")],
    "costs:basis-remove": [Row("the partnership's coordinators", coordinators_of, "POST")],
    "costs:cost-remove": [Row("the partnership's coordinators; leads of the council that paid",
                              lambda o: COORDINATORS[NETWORK[o]] | LEADS[o], "POST")],
    "costs:package-detail": [Row("coordinators and board of the partnership, leads of its councils", overseers_of)],
    "costs:package-add": [Row("the partnership's coordinators", coordinators_of, method, action=what)
                          for method in ("GET", "POST") for what in PACKAGE_ENTRIES],
    "costs:package-remove": [Row("the partnership's coordinators", coordinators_of, "POST", action=what) for what in PACKAGE_ENTRIES],
    "costs:entitlement-detail": [Row("coordinators and board of the partnership, leads of its councils", overseers_of)],
    "costs:entitlement-add": [Row("the partnership's coordinators", coordinators_of, method, action=what)
                              for method in ("GET", "POST") for what in ENTITLEMENT_ENTRIES],
    "costs:entitlement-remove": [Row("the partnership's coordinators", coordinators_of, "POST", action=what)
                                 for what in ENTITLEMENT_ENTRIES],
    # directory: a profile is found by those it is listed to (north's staff: their council only; south's and outsider's
    # staff: their partnerships); the owner's request is from the owner's council, asking the owner's member of staff
    "directory:home": [Row("anyone signed in", SIGNED_IN)],
    "directory:profile-detail": [Row("the person; people their profile is listed to (their council, or their councils' partnerships)",
                                     lambda o: EMPLOYEES["north"] if o == "north" else MEMBERS[NETWORK[o]])],
    "directory:my-profile": both("anyone signed in", SIGNED_IN),
    "directory:skill-add": both("anyone signed in", SIGNED_IN),
    "directory:skill-edit": both("the person", SUBJECT.get, admin=False),
    "directory:skill-remove": [Row("the person", SUBJECT.get, "POST", admin=False)],
    "directory:skill-verify": [Row("leads of the person's council; never the person", lead_of, "POST")],
    "directory:taxonomy": [Row("anyone signed in", SIGNED_IN)],
    "directory:taxonomy-create": both("coordinators of any partnership", ANY_COORDINATOR),
    "directory:taxonomy-edit": both("coordinators of any partnership", ANY_COORDINATOR),
    "directory:requests": [Row("anyone signed in", SIGNED_IN)],
    "directory:request-create": both("the partnership's coordinators; leads of its councils (for their council)",
                                     network(lambda n: COORDINATORS[n] | POOL_LEADS[n])),
    "directory:request-detail": [Row("the partnership's coordinators, the asking council's leads, the people asked",
                                     lambda o: COORDINATORS[NETWORK[o]] | LEADS[o] | SUBJECT[o])],
    "directory:request-ask": [Row("the partnership's coordinators and the asking council's leads",
                                  lambda o: COORDINATORS[NETWORK[o]] | LEADS[o], "POST")],
    "directory:request-outcome": both("the partnership's coordinators and the asking council's leads",
                                      lambda o: COORDINATORS[NETWORK[o]] | LEADS[o]),
    "directory:ask-respond": both("the person asked", SUBJECT.get, admin=False),
    "directory:tiers": [Row("coordinators and board of the partnership, leads of its councils", overseers_of)],
    "directory:tier-create": both("the partnership's coordinators", coordinators_of),
    "directory:tier-assign": both("the partnership's coordinators", coordinators_of),
    "directory:tier-remove": [Row("the partnership's coordinators", coordinators_of, "POST")],
    "directory:request-reopen": [Row("the partnership's coordinators and the asking council's leads",
                                     lambda o: COORDINATORS[NETWORK[o]] | LEADS[o], "POST")],
    "directory:ask-withdraw": [Row("the partnership's coordinators and the asking council's leads",
                                   lambda o: COORDINATORS[NETWORK[o]] | LEADS[o], "POST")],
    # community
    "community:home": [Row("anyone signed in", SIGNED_IN)],
    "community:my-calendar": both("anyone signed in", SIGNED_IN),
    "community:personal-feed": [Row("anyone with the secret address (revocable)", EVERYONE, public=True)],
    "community:group-feed": [Row("anyone with the secret address of a member (revocable)", EVERYONE, public=True)],
    "community:public-download": [Row("anyone, once the group publishes the document to the public", EVERYONE, public=True)],
    "community:group-create": both("the partnership's coordinators", coordinators_of),
    "community:partnership-documents": [Row("staff of the partnership's councils, its coordinators and board", members_of)],
    "community:priority-list": both("staff of the partnership's councils, its coordinators and board", members_of),
    "community:priority-rank": both("staff of the partnership's councils, its coordinators and board", members_of),
    "community:priority-adopt": both("the partnership's coordinators", coordinators_of),
    "community:group-detail": [Row("the partnership's people (staff, coordinators, board) and the group's guests", group_seers)],
    "community:group-edit": both("the partnership's coordinators", coordinators_of),
    "community:group-join": both("staff of the partnership's councils", group_joiners, admin=False),
    "community:member-add": both(MODERATORS, group_moderators),
    "community:member-approve": [Row(MODERATORS, group_moderators, "POST")],
    "community:member-remove": [Row(MODERATORS + "; the member themselves", lambda o: group_moderators(o) | SUBJECT[o], "POST")],
    "community:alerts": both("the group's members (guests included), for themselves", network(lambda n: GROUP_MEMBERS[n]), admin=False),
    "community:thread-list": [Row(READERS, group_readers)],
    "community:thread-create": both(READERS, group_readers),
    "community:thread-detail": both(READERS, group_readers),
    "community:thread-follow": [Row(READERS, group_readers, "POST")],
    "community:thread-lock": [Row(MODERATORS, group_moderators, "POST")],
    "community:thread-hide": [Row(MODERATORS, group_moderators, "POST")],
    "community:post-hide": [Row(MODERATORS, group_moderators, "POST")],
    "community:document-list": [Row(READERS, group_readers)],
    "community:document-create": both(READERS, group_readers),
    "community:document-detail": [Row(READERS + "; the partnership or everyone once published", group_readers)],
    "community:document-upload": both(READERS, group_readers),
    "community:document-publish": both(MODERATORS, group_moderators),
    "community:version-download": [Row(READERS + "; the partnership or everyone once published", group_readers)],
    "community:resource-create": both(READERS, group_readers),
    "community:resource-edit": both(READERS, group_readers),
    "community:event-list": [Row(READERS, group_readers)],
    "community:event-create": both(READERS, group_readers),
    "community:event-edit": both(READERS, group_readers),
    # meetings: each network's board (north and south host in turn in the own network, outsider in the other); the
    # owner's meeting is hosted by the owner's council, its action owned by the owner's member of staff
    "meetings:index": [Row("anyone signed in", SIGNED_IN)],
    "meetings:body-create": both("coordinators of any partnership", ANY_COORDINATOR),
    **{f"meetings:{name}": [Row(BODY_READERS_TEXT, body_readers)]
       for name in ("body", "decisions", "decisions-xlsx", "decisions-csv", "actions", "actions-xlsx", "actions-csv", "meeting",
                    "calendar", "pack", "minutes-pdf", "paper")},
    **{f"meetings:{name}": both("the partnership's coordinators", coordinators_of)
       for name in ("hosts", "member-add", "meeting-create", "meeting-plan")},
    "meetings:member-remove": [Row("the partnership's coordinators", coordinators_of, "POST")],
    **{f"meetings:{name}": both(MEETING_EDITORS_TEXT, meeting_editors)
       for name in ("meeting-edit", "item-add", "minutes", "decision-add", "action-add", "item-edit", "paper-add")},
    **{f"meetings:{name}": [Row(MEETING_EDITORS_TEXT, meeting_editors, "POST")]
       for name in ("invite", "carry-forward", "item-remove", "paper-remove", "decision-remove")},
    "meetings:action": [Row(BODY_READERS_TEXT + "; the action's owner", lambda o: body_readers(o) | SUBJECT[o]),
                        Row("the action's owner, the partnership's coordinators, the host council's leads",
                            lambda o: meeting_editors(o) | SUBJECT[o], "POST")],
    # assessment: each owner's council has a draft assessment (with evidence and an action) and a submitted one moderated
    # by the coordinators; each network a framework of its own; each owner a staff survey of its network with an open wave
    # inviting the owner's member of staff, and a client survey open to anyone with its link
    "assessment:home": [Row("anyone signed in", SIGNED_IN)],
    "assessment:survey-list": [Row("anyone signed in", SIGNED_IN)],
    "assessment:rules": both("the partnership's coordinators", coordinators_of),
    "assessment:framework-create": both("the partnership's coordinators", coordinators_of),
    "assessment:framework-detail": [Row("the partnership's people (everyone signed in for a built-in framework)", members_of)],
    "assessment:criterion-add": both("the partnership's coordinators (site administrators for a built-in framework)", coordinators_of),
    "assessment:criterion-edit": both("the partnership's coordinators (site administrators for a built-in framework)", coordinators_of),
    "assessment:assessment-start": both("leads of the partnership's councils and its coordinators",
                                        network(lambda n: POOL_LEADS[n] | COORDINATORS[n])),
    "assessment:assessment-detail": [Row("the council's staff; once submitted its partnership's coordinators and the moderator; "
                                         "once agreed and shared the partnership", employee_of)],
    "assessment:assessment-benchmark": [Row("whoever reads the assessment", employee_of)],
    "assessment:assessment-scores": both("the council's leads, while a draft", lead_of),
    "assessment:evidence-add": both("the council's leads, while a draft", lead_of),
    "assessment:evidence-file": [Row("whoever reads the assessment", employee_of)],
    "assessment:evidence-remove": [Row("the council's leads, while a draft", lead_of, "POST")],
    "assessment:assessment-moderate": both("the moderator (a peer council's leads, or the coordinators), once submitted", coordinators_of),
    "assessment:assessment-transition": [
        Row("the moderator, once submitted", coordinators_of, "POST", action="return"),
        Row("the council's leads, while a draft", set(), "POST", action="submit", admin=False),
        Row("the council's leads or the coordinators, once moderated", set(), "POST", action="agree", admin=False),
        Row("the council's leads, once agreed", set(), "POST", action="share", admin=False),
    ],
    "assessment:action-edit": both("the council's leads and the partnership's coordinators (who read the assessment)", lead_of),
    "assessment:survey-create": both("the partnership's coordinators", coordinators_of),
    "assessment:survey-detail": [Row("the partnership's coordinators, board and councils' leads", overseers_of)],
    "assessment:survey-results": [Row("the partnership's coordinators, board and councils' leads", overseers_of)],
    "assessment:question-add": both("the partnership's coordinators", coordinators_of),
    "assessment:wave-open": both("the partnership's coordinators", coordinators_of),
    "assessment:wave-close": [Row("the partnership's coordinators", coordinators_of, "POST")],
    "assessment:wave-remind": [Row("the partnership's coordinators", coordinators_of, "POST")],
    "assessment:answer": both("the people invited to the wave", lambda o: SUBJECT[o], admin=False),
    "assessment:client-answer": both("anyone with the link", EVERYONE, public=True),
    # identity
    "identity:sso": [Row("anyone (a GET goes to the sign-in page)", EVERYONE, public=True, signs_out=True),
                     Row("anyone", EVERYONE, "POST", public=True)],
    "identity:two-factor": both("anyone part-way through signing in (otherwise the sign-in page)", EVERYONE, public=True, signs_out=True),
    "identity:two-factor-setup": both("anyone signed in", SIGNED_IN),
    "identity:access-requests": [Row("L&D or HR leads", {"lead", "staff_admin", "other_lead"})],
    "identity:access-request-decide": [Row("the council's leads", lead_of, "POST")],
    "identity:hr-upload": both("the council's L&D or HR leads", lead_of),
    "identity:hr-import": both("the council's L&D or HR leads", lead_of),
    "openid_connect_login": both("anyone, for a council with a provider (a GET goes to the sign-in page)", EVERYONE, public=True,
                                 signs_out=True),
    "openid_connect_callback": [Row("anyone coming back from the council's provider", EVERYONE, public=True, signs_out=True)],
    # api: a signed-in person through their session (a council's token is checked in partnering/api/tests); anonymous gets 401
    # ops: liveness and readiness for the load balancer and the orchestrator
    "ops:live": [Row("anyone", EVERYONE, public=True)],
    "ops:ready": [Row("anyone", EVERYONE, public=True)],
    **{f"ops:{name}": [Row("anyone", EVERYONE, public=True)] for name in ("privacy", "accessibility", "cookies", "status")},
    "ops:my-data": [Row("anyone signed in (their own data)", SIGNED_IN)],
    "ops:retention": both("the council's L&D or HR leads", lead_of),
    "ops:my-data-pdf": [Row("anyone signed in (their own data)", SIGNED_IN)],
    "ops:find-data-subject": both("L&D or HR leads", {"lead", "staff_admin", "other_lead"}),
    "ops:person-data": both("leads of a council the person works or worked for (never coordinators)", lead_of),
    "api:schema": [Row("anyone", EVERYONE, public=True)],
    "api:docs": [Row("anyone", EVERYONE, public=True)],
    **{f"api:{name}-list": [Row("anyone signed in (what the rules let them read)", SIGNED_IN)]
       for name in ("council", "partnership", "provision", "session", "booking", "training-record", "person", "employment")},
    "api:council-detail": [Row("anyone signed in", SIGNED_IN)],
    "api:partnership-detail": [Row("anyone signed in", SIGNED_IN)],
    "api:provision-detail": [Row("the council's staff; its partnership where the return is shared",
                                 lambda o: EMPLOYEES["north"] if o == "north" else MEMBERS[NETWORK[o]])],
    "api:session-detail": [Row("staff of the partnership's councils, its coordinators and board", members_of)],
    "api:booking-detail": [Row("the person, their council's leads, the partnership's coordinators",
                               lambda o: SUBJECT[o] | LEADS[o] | COORDINATORS[NETWORK[o]])],
    "api:training-record-detail": [Row("the person (and leads of councils they shared it with)", lambda o: SUBJECT[o])],
    "api:person-detail": [Row("colleagues at the person's council, its partnerships' coordinators, the person",
                              lambda o: EMPLOYEES[o] | COORDINATORS[NETWORK[o]])],
    "api:employment-detail": [Row("the employing council's staff, its partnerships' coordinators, the person",
                                  lambda o: EMPLOYEES[o] | COORDINATORS[NETWORK[o]])],
    # cost statements, the register and HR imports through the API (a token's own-council rule is checked in partnering/api/tests)
    **{f"api:{name}-list": [Row("anyone signed in (what the rules let them read)", SIGNED_IN)] for name in ("cost-statement", "hr-import")},
    "api:cost-statement-detail": [Row("the council's leads; coordinators and board of the partnership",
                                      lambda o: LEADS[o] | COORDINATORS[NETWORK[o]] | BOARD[NETWORK[o]])],
    "api:hr-import-detail": [Row("the council's L&D or HR leads", lead_of)],
    "api:register-project-list": [Row("anyone: the public register (published projects only)", EVERYONE, public=True)],
    "api:register-project-detail": [Row("anyone: the public register (published projects only)", EVERYONE, public=True)],
    "api:tokens": both("the council's L&D or HR leads", lead_of),
    "api:token-revoke": [Row("the council's L&D or HR leads", lead_of, "POST")],
    # programmes: each network has a programme with one project per owner, led by the owner's council (every member council
    # takes part); "trainer" sits on north's scrutiny committee for the Test Network; the world's projects are all published
    "programmes:home": [Row("anyone signed in", SIGNED_IN)],
    "programmes:organisations": [Row("anyone signed in", SIGNED_IN)],
    "programmes:organisation-create": both("coordinators of any partnership", ANY_COORDINATOR),
    **{f"programmes:{name}": both("the partnership's coordinators", coordinators_of)
       for name in ("programme-create", "programme-edit", "project-create", "agreement-create", "scrutiny-members", "highlight-create",
                    "newsletter-create", "newsletter-edit")},
    **{f"programmes:{name}": [Row(PROGRAMME_READERS_TEXT, programme_readers)]
       for name in ("programme", "project", "agreements", "agreement-file", "highlight-pdf")},
    "programmes:scrutiny": [Row(PROGRAMME_READERS_TEXT, programme_readers),
                            Row("the partnership's scrutiny and board members", network(lambda n: BOARD[n] | SCRUTINY[n]), "POST")],
    "programmes:indicator": [Row(PROGRAMME_READERS_TEXT, programme_readers), Row(PROJECT_EDITORS_TEXT, project_editors, "POST")],
    "programmes:agreement": [Row(PROGRAMME_READERS_TEXT, programme_readers),
                             Row("the partnership's coordinators", coordinators_of, "POST")],
    "programmes:highlight": [Row(PROGRAMME_READERS_TEXT, programme_readers), Row("the partnership's coordinators", coordinators_of, "POST")],
    "programmes:project-edit": both(PROJECT_EDITORS_TEXT, project_editors),
    "programmes:project-add": [Row(PROJECT_EDITORS_TEXT, project_editors, method, action=what) for method in ("GET", "POST")
                               for what in PROJECT_ENTRIES],
    "programmes:entry-remove": [Row(PROJECT_EDITORS_TEXT, project_editors, "POST", action=what) for what in PROJECT_ENTRIES],
    "programmes:milestone-update": both(PROJECT_EDITORS_TEXT, project_editors),
    "programmes:indicator-create": both(PROJECT_EDITORS_TEXT, project_editors),
    "programmes:publish": [Row("the lead council's leads and the partnership's coordinators", project_editors, "POST")],
    "programmes:signoff": both("the partnership's coordinators; leads of the project's councils (for their council)",
                               network(lambda n: COORDINATORS[n] | POOL_LEADS[n])),
    "programmes:question-answer": both("the partnership's coordinators", coordinators_of),
    "programmes:highlight-send": [Row("the partnership's coordinators", coordinators_of, "POST")],
    "programmes:newsletters": [Row("staff of the partnership's councils, its coordinators and board", members_of)],
    "programmes:newsletter": [Row("staff of the partnership's councils, its coordinators and board", members_of)],
    "programmes:newsletter-pdf": [Row("staff of the partnership's councils, its coordinators and board", members_of)],
    "programmes:newsletter-send": [Row("the partnership's coordinators", coordinators_of, "POST")],
    # register: public, no sign-in; only what councils published (the world publishes every project)
    **{f"register:{name}": [Row("anyone, signed in or not (published projects only)", EVERYONE, public=True)]
       for name in ("index", "csv", "json", "iati", "project")},
    # workforce: the owner's shared post is employed by the owner's council and split with the other council of the network
    # (outsider's with a grant); the owner's secondment goes from the owner's council to the partner council (outsider's to its
    # partnership); the owner's timesheet is the owner's member of staff's, submitted, with no line manager recorded (so the
    # employer's leads approve); the owner's recruitment is shared by the network's councils
    "workforce:home": [Row("anyone signed in", SIGNED_IN)],
    "workforce:my-time": both("anyone signed in (time for the councils that employ them)", SIGNED_IN),
    "workforce:approvals": [Row("anyone signed in (the periods they approve)", SIGNED_IN)],
    **{f"workforce:{name}": [Row("coordinators and board of the partnership, leads of its councils", overseers_of)]
       for name in ("partnership", "balances", "terms", "harmonise")},
    "workforce:time-export": [Row("coordinators and board of the partnership, leads of its councils", overseers_of, action=fmt)
                              for fmt in ("xlsx", "csv")],
    **{f"workforce:{name}": both("the partnership's coordinators; leads of its councils (for their council)",
                                 network(lambda n: COORDINATORS[n] | POOL_LEADS[n]))
       for name in ("post-create", "secondment-create", "terms-edit")},
    **{f"workforce:{name}": [Row("the partnership's coordinators and board, leads of the councils involved, the person",
                                 lambda o: COORDINATORS[NETWORK[o]] | BOARD[NETWORK[o]] | POOL_LEADS[NETWORK[o]] | SUBJECT[o])]
       for name in ("post-detail", "secondment-detail")},
    **{f"workforce:{name}": both("the partnership's coordinators and the employing (home) council's leads",
                                 lambda o: COORDINATORS[NETWORK[o]] | LEADS[o])
       for name in ("post-share", "secondment-edit")},
    "workforce:share-remove": [Row("the partnership's coordinators and the employing council's leads",
                                   lambda o: COORDINATORS[NETWORK[o]] | LEADS[o], "POST")],
    "workforce:timesheet": [Row("the person, their line manager (else the employer's leads), the partnership's coordinators",
                                lambda o: SUBJECT[o] | LEADS[o] | COORDINATORS[NETWORK[o]]),
                            Row("the person", lambda o: SUBJECT[o], "POST", admin=False)],
    "workforce:timesheet-submit": [Row("the person", lambda o: SUBJECT[o], "POST", admin=False)],
    "workforce:entry-remove": [Row("the person", lambda o: SUBJECT[o], "POST", admin=False)],
    "workforce:timesheet-decide": [Row("the line manager (else the employer's leads); never the person", lead_of, "POST")],
    "workforce:timesheet-unlock": both("the approvers, the employer's leads and the partnership's coordinators",
                                       lambda o: LEADS[o] | COORDINATORS[NETWORK[o]]),
    "workforce:recruitment-create": both("the partnership's coordinators", coordinators_of),
    **{f"workforce:{name}": [Row("the partnership's coordinators and board, leads of the partner councils",
                                 network(lambda n: COORDINATORS[n] | BOARD[n] | POOL_LEADS[n]))]
       for name in ("recruitment", "advert-pack")},
    "workforce:recruitment-edit": both("the partnership's coordinators", coordinators_of),
    "workforce:advertise": [Row("the partnership's coordinators", coordinators_of, "POST")],
    "workforce:evaluation": both("the partnership's coordinators; leads of the partner councils (for their council)",
                                 network(lambda n: COORDINATORS[n] | POOL_LEADS[n])),
    "workforce:sign-off": [Row("leads of the partner councils (for their council)", network(lambda n: POOL_LEADS[n]), "POST")],
}

# The admin site: every pattern under /admin/ is for staff users; what they see there is the access layer's.
ADMIN_WHO = "site administrators; staff users who are not superusers see and change only what the rules above allow"


@dataclass
class Counts:
    urls: int = 0
    roles: int = len(ROLES)
    actions: int = 0
    checks: int = 0
    by_method: dict = field(default_factory=dict)


def readme_table() -> str:
    lines = ["| URL | GET | POST |", "| --- | --- | --- |"]
    for name, rows in MATRIX.items():
        get = "; ".join(sorted({r.who for r in rows if r.method == "GET"})) or "–"
        post = "; ".join(sorted({r.who for r in rows if r.method == "POST"})) or "–"
        lines.append(f"| `{name}` | {get} | {post} |")
    lines.append(f"| `admin:*` | {ADMIN_WHO} | {ADMIN_WHO} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(readme_table() + "\n")
