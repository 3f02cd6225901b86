from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnering.access import learning as access
from partnering.access.mapping import overseen_partnership_for
from partnering.access.organisations import managed_council_for
from partnering.access.overlap import groups_visible_to
from partnering.access.people import person_for
from partnering.access.scope import get_or_404
from partnering.core.downloads import download_response, file_download_response
from partnering.core.redirects import redirect_next
from partnering.organisations.models import Partnership
from partnering.reference.spreadsheets import csv_bytes

from . import notifications, services
from .forms import (
    BookForm,
    CatalogueFilterForm,
    CourseForm,
    EvaluationForm,
    EvidenceForm,
    FollowUpForm,
    RegisterForm,
    RequirementForm,
    SessionForm,
)
from .models import Booking, Evaluation, Evidence, RecordShare, ReservedPlaces
from .selectors import catalogue_sessions, learning_reports, record_overview, with_places_held


@login_required
def catalogue(request):
    form = CatalogueFilterForm(request.GET or None)
    council = request.acting_council
    sessions = catalogue_sessions(request.scope, person=request.user, council=council,
                                  filters=form.cleaned_data if form.is_valid() else {})
    page = Paginator(sessions, 20).get_page(request.GET.get("page"))
    page.object_list = with_places_held(page.object_list)
    rows = [(session, services.places(session).left_for(council.pk) if council else services.places(session).general_left) for session in page.object_list]
    return TemplateResponse(request, "learning/catalogue.html", {"form": form, "page": page, "rows": rows})


@login_required
def session_detail(request, pk):
    session = access.session_for(request.scope, pk)
    councils = access.councils_to_book_for(request.scope, session)
    acting = request.acting_council
    form = BookForm(request.POST or None, councils=councils, initial={"council": acting if acting in councils else (councils[0] if councils else None)})
    if request.method == "POST":
        if not councils:
            raise Http404(_("Page not found"))
        if form.is_valid() and session.is_provisional:
            try:
                services.interest_register(session=session, person=request.user, council=form.cleaned_data["council"])
            except services.BookingRefused as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(request, _("Thank you: we will tell the organisers you are interested."))
            return redirect(session)
        if form.is_valid():
            try:
                booking = services.booking_create(session=session, person=request.user, council=form.cleaned_data["council"])
            except services.BookingRefused as refusal:
                messages.error(request, str(refusal))
                return redirect(session)
            if booking.status == Booking.Status.PENDING:
                messages.success(request, _("Your booking is waiting for your line manager (or your council's L&D or HR lead) to approve it."))
            elif booking.status == Booking.Status.BOOKED:
                messages.success(request, _("You have a place on %(session)s. We have emailed you a calendar invitation.") % {"session": session})
            else:
                messages.success(request, _("The session is full, so you are on the waiting list. We will email you if a place comes free."))
            return redirect("learning:my-bookings")
    mine = Booking.objects.filter(session=session, person=request.user).exclude(status=Booking.Status.CANCELLED).first()
    free = services.places(session)
    return TemplateResponse(request, "learning/session_detail.html", {
        "session": session, "form": form, "councils": councils, "mine": mine, "places": free,
        "places_for_me": free.left_for(form.initial["council"].pk) if form.initial.get("council") else free.general_left,
        "trainers": session.trainers.select_related("person", "council"), "can_take_register": access.can_take_register(request.scope, session),
        "interested": session.interests.filter(person=request.user).exists(), "interest_count": session.interests.count(),
        "can_edit": access.can_manage_courses(request.scope, session.course.partnership),
    })


@login_required
def my_bookings(request):
    bookings = (access.own_bookings(request.scope).select_related("session__course", "session__venue", "council", "evaluation")
                .order_by("-created_at"))
    return TemplateResponse(request, "learning/my_bookings.html", {"bookings": bookings})


def _act(request, operation, success: str) -> None:
    """Run a service for a POST: not allowed looks like not found; a refusal is shown; success is confirmed."""
    try:
        operation()
    except PermissionDenied:
        raise Http404(_("Page not found")) from None
    except services.BookingRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, success)


@login_required
@require_POST
def booking_cancel(request, pk):
    booking = access.booking_for(request.scope, pk)
    _act(request, lambda: services.booking_cancel(booking=booking, actor=request.user), _("Booking cancelled."))
    return redirect("learning:my-bookings")


@login_required
def register(request, pk):
    session = access.register_for(request.scope, pk)
    bookings = list(session.bookings.filter(status__in=[Booking.Status.BOOKED, Booking.Status.ATTENDED, Booking.Status.NO_SHOW])
                    .select_related("person", "council").order_by("person__full_name"))
    form = RegisterForm(request.POST or None, bookings=bookings)
    if request.method == "POST" and form.is_valid():
        services.attendance_record(session=session, actor=request.user, attended=form.attendance())
        messages.success(request, _("Register saved. Everyone marked as attended has it on their training record."))
        return redirect(request.path)
    return TemplateResponse(request, "learning/register.html", {"session": session, "form": form})


@login_required
def my_record(request):
    overview = record_overview(request.user, viewer=request.scope)
    if request.GET.get("format") == "pdf":
        from .pdf import record_pdf  # loads Pango: only when a PDF is asked for

        return download_response(record_pdf(request.user, overview), "training-record.pdf", "application/pdf")
    if request.GET.get("format") == "csv":
        rows = [[r.title, r.completed_on.isoformat(), r.council.short_name if r.council else "", r.hours] for r in overview["records"]]
        content = csv_bytes([_("Learning"), _("Completed"), _("While working for"), _("Hours")], rows)
        return download_response(content, "training-record.csv", "text/csv; charset=utf-8")
    shares = {s.council_id for s in RecordShare.objects.filter(person=request.user, revoked_at__isnull=True)}
    evidence = Evidence.objects.filter(person=request.user).select_related("council")
    return TemplateResponse(request, "learning/my_record.html", {**overview, "shared_with": shares, "evidence": evidence})


@login_required
@require_POST
def record_share(request, slug):
    """The person lets (or stops letting) one of their councils' leads see their record."""
    council = get_or_404(access.own_councils_to_share_with(request.scope), slug=slug)
    with transaction.atomic():
        current = RecordShare.objects.filter(person=request.user, council=council, revoked_at__isnull=True).first()
        if current:
            current.revoked_at = timezone.now()
            current.save(update_fields=["revoked_at"])
            messages.success(request, _("%(council)s can no longer see your training record.") % {"council": council.short_name})
        else:
            RecordShare.objects.create(person=request.user, council=council)
            messages.success(request, _("%(council)s's L&D and HR leads can now see your training record.") % {"council": council.short_name})
    return redirect("learning:my-record")


@login_required
def person_record(request, slug, pk):
    """A lead sees which of their council's requirements a person meets, once the person has shared their record."""
    council = managed_council_for(request.scope, slug)
    person = person_for(request.scope, pk)
    shared = access.record_shared_with(person, council)
    overview = record_overview(person, viewer=request.scope, councils=[council]) if shared else None
    return TemplateResponse(request, "learning/person_record.html", {"council": council, "person": person, "shared": shared, "overview": overview})


@login_required
def requirements(request, slug):
    council = managed_council_for(request.scope, slug)
    form = RequirementForm(request.POST or None, council=council)
    if request.method == "POST" and form.is_valid():
        requirement = form.save(commit=False)
        requirement.council = council
        with transaction.atomic():  # with its audit entry
            requirement.save()
        messages.success(request, _("Requirement added."))
        return redirect(request.path)
    return TemplateResponse(request, "learning/requirements.html", {
        "council": council, "form": form, "requirements": access.requirements_editable_by(request.scope).filter(council=council).select_related("course", "equivalence")})


@login_required
def council_bookings(request, slug):
    """A lead's view of their council's bookings: places used, reserved places unused, no-shows."""
    council = managed_council_for(request.scope, slug)
    bookings = (access.council_bookings_visible_to(request.scope, council).exclude(status=Booking.Status.CANCELLED)
                .select_related("person", "session__course").order_by("session__starts_at", "person__full_name"))
    reservations = ReservedPlaces.objects.filter(council=council, session__starts_at__gte=timezone.now()).select_related("session__course")
    reserved = [(r, r.session.bookings.filter(council=council, uses_reserved_place=True).holding_a_place().count()) for r in reservations]
    counts = {status: bookings.filter(status=status).count() for status in Booking.Status.values}
    pending = bookings.filter(status=Booking.Status.PENDING)
    return TemplateResponse(request, "learning/council_bookings.html", {
        "council": council, "bookings": bookings, "reserved": reserved, "counts": counts, "pending": pending})


@login_required
@require_POST
def booking_decide(request, pk):
    booking = access.booking_for(request.scope, pk)
    approve = request.POST.get("decision") == "approve"
    _act(request, lambda: services.booking_decide(booking=booking, actor=request.user, approve=approve),
         _("Decision saved; the person has been emailed."))
    return redirect_next(request, "learning:approvals")


@login_required
def approvals(request):
    """Bookings waiting for this person's approval, as line manager or lead, and evidence for leads to check."""
    return TemplateResponse(request, "learning/approvals.html", {
        "pending": access.bookings_awaiting(request.scope), "evidence": access.evidence_awaiting(request.scope)})


@login_required
def evidence_add(request):
    councils = [e.council for e in request.user.current_employments()]
    if not councils:
        raise Http404(_("Page not found"))
    form = EvidenceForm(request.POST or None, request.FILES or None, councils=councils, initial={"council": request.acting_council})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        evidence = Evidence(person=request.user, council=data["council"], title=data["title"], completed_on=data["completed_on"], hours=data["hours"])
        evidence.certificate.save(data["certificate"].name, data["certificate"], save=False)
        with transaction.atomic():  # with its audit entry
            evidence.save()
        messages.success(request, _("Sent to %(council)s's L&D or HR lead to check.") % {"council": data["council"].short_name})
        return redirect("learning:my-record")
    return TemplateResponse(request, "learning/evidence_form.html", {"form": form})


@login_required
def evidence_file(request, pk):
    evidence = access.evidence_for(request.scope, pk)
    return file_download_response(evidence.certificate.open("rb"), Path(evidence.certificate.name).name, "application/octet-stream")


@login_required
@require_POST
def evidence_decide(request, pk):
    evidence = access.evidence_for(request.scope, pk)
    approve = request.POST.get("decision") == "approve"
    _act(request, lambda: services.evidence_decide(evidence=evidence, actor=request.user, approve=approve), _("Evidence checked."))
    return redirect("learning:approvals")


@login_required
def reports(request, slug):
    """Attendance and no-shows by council, learner days by topic, and learning delivered in Welsh."""
    partnership = overseen_partnership_for(request.scope, slug)
    return TemplateResponse(request, "learning/reports.html", {"partnership": partnership, **learning_reports(partnership),
                                                               "courses": partnership.courses.order_by("title")})


# --- Coordinators: courses and sessions ---------------------------------------------------


def _coordinated_partnership(request, slug) -> Partnership:
    return access.coordinated_partnership_for(request.scope, slug)


@login_required
def course_create(request, slug):
    partnership = _coordinated_partnership(request, slug)
    initial, equivalence = {}, None
    group_id = request.GET.get("group", "")
    group = groups_visible_to(request.scope).filter(pk=group_id, partnership=partnership).first() if group_id.isdigit() else None
    if group:
        line = group.members.select_related("provision").order_by("-provision__learners_per_year").first().provision
        initial = {"title": group.title, "topic": group.topic, "accreditation": line.accreditation, "level": line.level,
                   "delivery_method": line.delivery_method or "classroom", "duration_hours": line.duration_hours,
                   "commissioning_councils": list({m.provision.council_id for m in group.members.select_related("provision")})}
        keys = {m.line_key for m in group.members.all()}
        equivalence = next((e for e in access.equivalences_for_course(request.scope, partnership) if set(e.line_keys) <= keys), None)
        initial["equivalence"] = equivalence
    form = CourseForm(request.POST or None, initial=initial, partnership=partnership,
                      equivalences=access.equivalences_for_course(request.scope, partnership))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            course = form.save(commit=False)
            course.partnership = partnership
            course.save()
            form.save_m2m()
        messages.success(request, _("Course created. Add its sessions."))
        return redirect("learning:session-create", course.pk)
    return TemplateResponse(request, "learning/course_form.html", {"form": form, "partnership": partnership, "group": group, "equivalence": equivalence})


@login_required
def session_edit(request, pk):
    """Coordinators change a session (or give a provisional one its date); everyone affected is told."""
    session = access.managed_session_for(request.scope, pk)
    was_provisional = session.is_provisional
    form = SessionForm(request.POST or None, instance=session, course=session.course)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            session = form.save()
            transaction.on_commit(lambda: notifications.session_changed(session, now_dated=was_provisional and not session.is_provisional))
        messages.success(request, _("Session saved; everyone booked or interested has been told."))
        return redirect(session)
    return TemplateResponse(request, "learning/session_form.html", {"form": form, "course": session.course, "session": session,
                                                                     "reserve_fields": []})


@login_required
def session_create(request, pk):
    course = access.managed_course_for(request.scope, pk)
    form = SessionForm(request.POST or None, course=course)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            session = form.save(commit=False)
            session.course = course
            session.save()
            form.save_m2m()
            for council, count in form.reservations().items():
                if count:
                    ReservedPlaces.objects.create(session=session, council=council, places=count, release_on=form.cleaned_data["reserved_release_on"])
        messages.success(request, _("Session added to the catalogue."))
        return redirect(session)
    return TemplateResponse(request, "learning/session_form.html", {"form": form, "course": course,
                                                                     "reserve_fields": [form[f"reserve_{c.pk}"] for c in form.members]})


def _own_attended_booking(request, pk) -> Booking:
    return access.own_attended_booking_for(request.scope, pk)


@login_required
def evaluate(request, pk):
    booking = _own_attended_booking(request, pk)
    if Evaluation.objects.filter(booking=booking).exists():
        return redirect("learning:follow-up", pk)
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.booking = booking
        form.save()
        messages.success(request, _("Thank you for your evaluation. We will ask what changed in three months."))
        return redirect("learning:my-bookings")
    return TemplateResponse(request, "learning/evaluate.html", {"booking": booking, "form": form})


@login_required
def follow_up(request, pk):
    booking = _own_attended_booking(request, pk)
    evaluation = get_object_or_404(Evaluation, booking=booking)
    if not evaluation.follow_up_due:
        messages.error(request, _("The three-month follow-up opens three months after the session."))
        return redirect("learning:my-bookings")
    form = FollowUpForm(request.POST or None, instance=evaluation)
    if request.method == "POST" and form.is_valid():
        evaluation = form.save(commit=False)
        evaluation.follow_up_at = timezone.now()
        evaluation.save()
        messages.success(request, _("Thank you: your follow-up is saved."))
        return redirect("learning:my-bookings")
    return TemplateResponse(request, "learning/evaluate.html", {"booking": booking, "form": form, "follow_up": True})


@login_required
def course_evaluations(request, pk):
    """Results per course and per session, for the partnership's coordinators and board and member councils' leads."""
    from django.db.models import Avg, Count

    course = access.evaluated_course_for(request.scope, pk)
    evaluations = Evaluation.objects.filter(booking__session__course=course).select_related("booking__session")
    per_session = (evaluations.values("booking__session__starts_at", "booking__session_id")
                   .annotate(responses=Count("pk"), average=Avg("reaction"), follow_ups=Count("follow_up_at")).order_by("booking__session__starts_at"))
    summary = evaluations.aggregate(responses=Count("pk"), average=Avg("reaction"), follow_ups=Count("follow_up_at"))
    return TemplateResponse(request, "learning/course_evaluations.html", {
        "course": course, "summary": summary, "per_session": per_session, "comments": evaluations.order_by("-submitted_at")[:50]})
