"""The expertise directory and brokering.

- A profile is its person's. They choose who finds it: nobody, people at their council(s), or people in
  their councils' partnerships (which includes those partnerships' coordinators and board). A profile
  listed to "my council" is never shown to a partner council's staff.
- A council's L&D or HR lead verifies a skill of their council's staff, never their own.
- The shared skills taxonomy is kept by coordinators (like the glossary).
- A request for help is made by a partnership's coordinator or a member council's lead (for their council);
  it is read by the partnership's coordinators, the asking council's leads, and the people asked. The
  coordinators and the asking council's leads ask people and record the outcome; only the person asked
  answers.
- Support tiers: the partnership's coordinators set them; its board and its councils' leads read them.
"""

from django.db.models import Q

from partnering.core.dates import current_on, today
from partnering.directory.models import Ask, HelpRequest, Profile, ProfileSkill, Skill, SupportTier
from partnering.organisations.models import Council, Membership, Partnership
from partnering.people.models import Employment

from .scope import Scope, get_or_404, not_found


def _employed():
    return Employment.objects.filter(current_on(today(), "start_on", "end_on"))


def _members():
    return Membership.objects.filter(current_on(today(), "joined_on", "left_on"))


def councils_of_person(person_id) -> frozenset[int]:
    return frozenset(_employed().filter(person_id=person_id).values_list("council_id", flat=True))


# --- Profiles --------------------------------------------------------------------------------------


def profiles_visible_to(scope: Scope):
    """Every profile the scope may read: its own, and others listed to it."""
    profiles = Profile.objects.all()
    if scope.is_superuser:
        return profiles
    if not scope.is_signed_in:
        return profiles.none()
    colleagues = _employed().filter(council_id__in=scope.council_ids).values("person_id")
    partner_councils = _members().filter(partnership_id__in=scope.partnership_ids).values("council_id")
    partners = _employed().filter(council_id__in=partner_councils).values("person_id")
    return profiles.filter(
        Q(person_id=scope.person_id)
        | Q(listed_to__in=[Profile.Listed.COUNCIL, Profile.Listed.PARTNERSHIPS], person_id__in=colleagues)
        | Q(listed_to=Profile.Listed.PARTNERSHIPS, person_id__in=partners)
    )


def profiles_listed_to(scope: Scope):
    """The profiles the scope finds in a search: those listed to it (its own only if the person listed it)."""
    return profiles_visible_to(scope).exclude(listed_to=Profile.Listed.NOBODY)


def profile_for(scope: Scope, person_id) -> Profile:
    return get_or_404(profiles_visible_to(scope).select_related("person"), person_id=person_id)


def can_edit_profile(scope: Scope, profile: Profile | None = None) -> bool:
    """Only the person edits their profile (anyone signed in has one to edit)."""
    return scope.is_signed_in and (profile is None or profile.person_id == scope.person_id)


def own_skill_for(scope: Scope, pk) -> ProfileSkill:
    """A skill on the scope's own profile."""
    if not scope.is_signed_in:
        raise not_found()
    return get_or_404(ProfileSkill.objects.filter(profile__person_id=scope.person_id).select_related("skill", "profile"), pk=pk)


def verifying_councils(scope: Scope, profile: Profile) -> list[int]:
    """The councils for which the scope may verify this person's skills: the person's current councils that the
    scope leads. Never for oneself."""
    if not scope.is_signed_in or profile.person_id == scope.person_id:
        return []
    return sorted(c for c in councils_of_person(profile.person_id) if scope.leads(c))


def can_verify_skill(scope: Scope, held: ProfileSkill) -> bool:
    return bool(verifying_councils(scope, held.profile))


def verifiable_skill_for(scope: Scope, pk) -> ProfileSkill:
    held = get_or_404(ProfileSkill.objects.filter(profile__in=profiles_visible_to(scope)).select_related("profile", "skill"), pk=pk)
    if not can_verify_skill(scope, held):
        raise not_found()
    return held


# --- The skills taxonomy ---------------------------------------------------------------------------


def skills_visible_to(scope: Scope):
    return Skill.objects.all() if scope.is_signed_in or scope.is_superuser else Skill.objects.none()


def can_manage_skills(scope: Scope) -> bool:
    """Coordinators keep the shared taxonomy, as they keep the glossary."""
    return scope.is_superuser or bool(scope.coordinated_partnership_ids)


def skill_for_editing(scope: Scope, pk) -> Skill:
    if not can_manage_skills(scope):
        raise not_found()
    return get_or_404(skills_visible_to(scope), pk=pk)


# --- Requests for help -----------------------------------------------------------------------------


def request_partnerships_for(scope: Scope):
    """Partnerships in which the scope may ask for help: those it coordinates, and its led councils' partnerships."""
    if scope.is_superuser:
        return Partnership.objects.all()
    return Partnership.objects.filter(pk__in=scope.coordinated_partnership_ids | scope.lead_partnership_ids)


def request_councils_for(scope: Scope, partnership: Partnership):
    """The councils the scope may ask for help for: every member for the coordinators, the councils they lead for leads."""
    members = Council.objects.filter(pk__in=_members().filter(partnership=partnership).values("council_id")).order_by("name")
    if scope.coordinates(partnership.pk):
        return members
    return members.filter(pk__in=scope.lead_council_ids)


def request_partnership_for(scope: Scope, slug) -> Partnership:
    partnership = get_or_404(request_partnerships_for(scope), slug=slug)
    if not request_councils_for(scope, partnership).exists():
        raise not_found()
    return partnership


def can_make_request(scope: Scope, partnership: Partnership, council: Council) -> bool:
    return request_councils_for(scope, partnership).filter(pk=council.pk).exists()


def requests_visible_to(scope: Scope):
    requests = HelpRequest.objects.all()
    if scope.is_superuser:
        return requests
    if not scope.is_signed_in:
        return requests.none()
    asked = Ask.objects.filter(person_id=scope.person_id).values("request_id")
    return requests.filter(Q(partnership_id__in=scope.coordinated_partnership_ids) | Q(council_id__in=scope.lead_council_ids)
                           | Q(pk__in=asked))


def request_for(scope: Scope, pk) -> HelpRequest:
    return get_or_404(requests_visible_to(scope).select_related("partnership", "council", "requested_by"), pk=pk)


def can_broker(scope: Scope, request: HelpRequest) -> bool:
    """Ask people, and record the outcome: the partnership's coordinators and the asking council's leads."""
    return scope.coordinates(request.partnership_id) or scope.leads(request.council_id)


def brokered_request_for(scope: Scope, pk) -> HelpRequest:
    request = request_for(scope, pk)
    if not can_broker(scope, request):
        raise not_found()
    return request


def candidates_for(scope: Scope, request: HelpRequest):
    """Whom the scope may ask: profiles listed to it of people now at one of the request's partnership's councils."""
    councils = _members().filter(partnership_id=request.partnership_id).values("council_id")
    there = _employed().filter(council_id__in=councils).values("person_id")
    return profiles_listed_to(scope).filter(person_id__in=there)


def own_ask_for(scope: Scope, pk) -> Ask:
    """An ask to the scope's own person: only they answer it."""
    if not scope.is_signed_in:
        raise not_found()
    return get_or_404(Ask.objects.filter(person_id=scope.person_id).select_related("request__partnership", "request__council"), pk=pk)


def can_answer_ask(scope: Scope, ask: Ask) -> bool:
    return scope.is_signed_in and ask.person_id == scope.person_id


# --- Support tiers ---------------------------------------------------------------------------------


def tier_partnerships_for(scope: Scope):
    """Partnerships whose tiers the scope reads: coordinators, board members and member councils' leads."""
    if scope.is_superuser:
        return Partnership.objects.all()
    return Partnership.objects.filter(pk__in=scope.overseen_partnership_ids)


def tier_partnership_for(scope: Scope, slug) -> Partnership:
    return get_or_404(tier_partnerships_for(scope), slug=slug)


def can_manage_tiers(scope: Scope, partnership) -> bool:
    return scope.coordinates(getattr(partnership, "pk", partnership))


def managed_tier_partnership_for(scope: Scope, slug) -> Partnership:
    partnership = tier_partnership_for(scope, slug)
    if not can_manage_tiers(scope, partnership):
        raise not_found()
    return partnership


def managed_tier_for(scope: Scope, pk) -> SupportTier:
    tier = get_or_404(SupportTier.objects.filter(partnership__in=tier_partnerships_for(scope)).select_related("partnership"), pk=pk)
    if not can_manage_tiers(scope, tier.partnership):
        raise not_found()
    return tier
