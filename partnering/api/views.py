"""The REST API: thin views over the access layer and the apps' services. A token acts for its council as the
council's system (scope_for_client); a signed-in person through their browser session acts as themselves."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import Min, Prefetch, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import exception_handler

from partnering.access import api as rules
from partnering.access.costs import statement_memberships_visible_to
from partnering.access.identity import hr_imports_visible_to
from partnering.access.learning import bookings_visible_to, records_visible_to, sessions_visible_to
from partnering.access.mapping import provision_visible_to
from partnering.access.people import employments_visible_to, people_visible_to
from partnering.access.register import register_project_for, register_projects_visible_to
from partnering.access.scope import scope_for_client, scope_of
from partnering.core import audit
from partnering.costs.services import council_statement, partnership_totals
from partnering.identity import hr_import
from partnering.learning.models import Booking, Session, TrainingRecord
from partnering.mapping.importers.parsing import column_letter
from partnering.mapping.importers.reading import FileProblem
from partnering.mapping.models import Provision
from partnering.organisations.models import Membership
from partnering.people.models import Employment
from partnering.programmes.models import Project
from partnering.reference.years import current_financial_year, period_of
from partnering.register.opendata import entry, prefetched

from . import serializers as s
from . import writes
from .authentication import CouncilClient, CouncilTokenAuthentication

# --- Errors: one body for every error -----------------------------------------------------------------------------

def error_body(status_code: int, code: str, message: str, fields: dict | None = None) -> dict:
    body = {"status": status_code, "code": code, "message": message}
    if fields:
        body["fields"] = fields
    return body


def _flatten(detail, prefix="") -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            out.update(_flatten(value, f"{prefix}{key}" if not prefix else f"{prefix}.{key}"))
    elif isinstance(detail, list) and detail and all(not isinstance(v, (dict, list)) for v in detail):
        out[prefix or "non_field_errors"] = [str(v) for v in detail]
    elif isinstance(detail, list):
        for index, value in enumerate(detail):
            out.update(_flatten(value, f"{prefix}.{index}" if prefix else str(index)))
    else:
        out[prefix or "non_field_errors"] = [str(detail)]
    return out


def api_exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages})
    if isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.NotFound()
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = error_body(response.status_code, "invalid", _("Some of what was sent is not right: see fields."), _flatten(exc.detail))
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else str(response.data)
        code = getattr(getattr(exc, "detail", None), "code", None) or getattr(exc, "default_code", "error")
        response.data = error_body(response.status_code, str(code), str(detail))
    return response


class ApiThrottle(SimpleRateThrottle):
    """Requests per token (or per signed-in person), API_THROTTLE_RATE (default 600 a minute)."""

    scope = "api"

    def get_cache_key(self, request, view):
        if isinstance(request.user, CouncilClient):
            ident = f"token:{request.user.token.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"person:{request.user.pk}"
        else:
            ident = self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


# --- Base ------------------------------------------------------------------------------------------------------------

class ApiViewSet(viewsets.GenericViewSet):
    authentication_classes = [CouncilTokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]
    throttle_classes = [ApiThrottle]
    filter_backends = [filters.DjangoFilterBackend]

    @property
    def scope(self):
        if not hasattr(self, "_scope"):
            user = self.request.user
            self._scope = scope_for_client(user.council) if isinstance(user, CouncilClient) else scope_of(user)
        return self._scope

    @property
    def client(self) -> CouncilClient | None:
        return self.request.user if isinstance(self.request.user, CouncilClient) else None

    def acting(self):
        """Writes are recorded as the signed-in person's, or as the council's system (named by its token)."""
        if self.client:
            return audit.acting_as(None, source=f"api:{self.client.council.slug}:{self.client.token.name}"[:100])
        return audit.acting_as(self.request.user, source="api")


class FewerPerPage(PageNumberPagination):
    """For entries that each take several queries to put together (a cost statement, a register project)."""

    page_size = 20


class ReadOnly(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    pass


# --- Reads -----------------------------------------------------------------------------------------------------------

class CouncilViewSet(ReadOnly):
    """Councils (shared facts: every signed-in person and every council's system reads them)."""

    serializer_class = s.CouncilSerializer
    lookup_field = "slug"
    filterset_fields = ["country"]

    def get_queryset(self):
        return rules.councils_for(self.scope).order_by("name")


class PartnershipViewSet(ReadOnly):
    serializer_class = s.PartnershipSerializer
    lookup_field = "slug"

    def get_queryset(self):
        current = Prefetch("memberships", queryset=Membership.objects.current().select_related("council"), to_attr="current_memberships")
        return rules.partnerships_for(self.scope).prefetch_related(current).order_by("name")


class ProvisionFilter(filters.FilterSet):
    council = filters.CharFilter(field_name="council__slug")

    class Meta:
        model = Provision
        fields = ["council", "year", "delivery_method", "provider_type"]


class ProvisionViewSet(ReadOnly):
    """Provision lines: the council's own, and partners' lines they shared with one of its partnerships."""

    serializer_class = s.ProvisionSerializer
    filterset_class = ProvisionFilter

    def get_queryset(self):
        return provision_visible_to(self.scope).select_related("council", "topic").order_by("council__name", "year", "row_number", "pk")


class SessionFilter(filters.FilterSet):
    partnership = filters.CharFilter(field_name="course__partnership__slug")
    starts_after = filters.IsoDateTimeFilter(field_name="starts_at", lookup_expr="gte")

    class Meta:
        model = Session
        fields = ["course", "partnership", "starts_after"]


class SessionViewSet(ReadOnly):
    """Catalogue sessions of the partnerships the council (or person) belongs to."""

    serializer_class = s.SessionSerializer
    filterset_class = SessionFilter

    def get_queryset(self):
        return sessions_visible_to(self.scope).select_related("course__partnership").order_by("starts_at", "pk")


class BookingFilter(filters.FilterSet):
    class Meta:
        model = Booking
        fields = ["session", "status"]


class BookingViewSet(mixins.CreateModelMixin, ReadOnly):
    """Bookings: a council's system reads and makes its own council's; a person their own (and what they manage)."""

    filterset_class = BookingFilter

    def get_serializer_class(self):
        return s.BookingCreateSerializer if self.action == "create" else s.BookingSerializer

    def get_queryset(self):
        queryset = rules.client_bookings(self.scope) if self.client else bookings_visible_to(self.scope)
        return queryset.select_related("council", "person").order_by("-created_at", "pk")

    @extend_schema(request=s.BookingCreateSerializer, responses={201: s.BookingSerializer})
    def create(self, request, *args, **kwargs):
        data = s.BookingCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        with self.acting():
            booking = writes.booking_for_api(scope=self.scope, client=self.client, person_actor=request.user, **data.validated_data)
        return Response(s.BookingSerializer(booking).data, status=status.HTTP_201_CREATED)


class TrainingRecordViewSet(mixins.CreateModelMixin, ReadOnly):
    """Training records, by each person's consent: a council's system reads the records of people who shared their
    record with the council; it sends completions from its own learning system."""

    filterset_fields = ["course"]

    def get_serializer_class(self):
        return s.CompletionSerializer if self.action == "create" else s.TrainingRecordSerializer

    def get_queryset(self):
        queryset = rules.client_records(self.scope) if self.client else records_visible_to(self.scope)
        return queryset.select_related("person", "council", "external_completion").order_by("-completed_on", "pk")

    @extend_schema(request=s.CompletionSerializer, responses={201: s.TrainingRecordSerializer, 200: s.TrainingRecordSerializer})
    def create(self, request, *args, **kwargs):
        if not self.client:
            raise exceptions.PermissionDenied(_("Completions are sent by a council's learning system, with its API token."))
        data = s.CompletionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        with self.acting():
            record, created = writes.completion_receive(scope=self.scope, council=self.client.council, **data.validated_data)
        record = TrainingRecord.objects.select_related("person", "council", "external_completion").get(pk=record.pk)
        return Response(s.TrainingRecordSerializer(record).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class PersonViewSet(ReadOnly):
    serializer_class = s.PersonSerializer
    filterset_fields = ["email"]

    def get_queryset(self):
        return (rules.client_people(self.scope) if self.client else people_visible_to(self.scope)).order_by("full_name", "pk")


class EmploymentFilter(filters.FilterSet):
    person = filters.CharFilter(field_name="person__email", lookup_expr="iexact")

    class Meta:
        model = Employment
        fields = ["person"]


class EmploymentViewSet(mixins.CreateModelMixin, ReadOnly):
    """Employments: a council's HR system reads its council's and sends starters, changes and leavers (one per
    person at a time: sending a person's open employment again changes it; an end date makes them a leaver)."""

    filterset_class = EmploymentFilter

    def get_serializer_class(self):
        return s.EmploymentWriteSerializer if self.action == "create" else s.EmploymentSerializer

    def get_queryset(self):
        queryset = rules.client_employments(self.scope) if self.client else employments_visible_to(self.scope)
        return queryset.select_related("person", "council", "line_manager").order_by("council__name", "person__full_name", "pk")

    @extend_schema(request=s.EmploymentWriteSerializer, responses={201: s.EmploymentSerializer, 200: s.EmploymentSerializer})
    def create(self, request, *args, **kwargs):
        if not self.client:
            raise exceptions.PermissionDenied(_("Employments are sent by a council's HR system, with its API token."))
        data = s.EmploymentWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            with self.acting(), transaction.atomic():
                employment, created = writes.employment_receive(council=self.client.council, **data.validated_data)
        except IntegrityError:
            raise exceptions.ValidationError({"person": [_("This person's employment changed at the same moment: send it again.")]}) from None
        return Response(s.EmploymentSerializer(employment).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)



# --- Cost statements -------------------------------------------------------------------------------------------------

EARLIEST_YEAR, LATEST_YEAR = 1990, 2100


class YearQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=EARLIEST_YEAR, max_value=LATEST_YEAR, required=False,
                                    help_text=gettext_lazy("The financial year by the calendar year it starts in (2025 is 1 April 2025 to 31 March 2026); "
                                                "the current one if left out."))


YEAR_PARAMETER = OpenApiParameter(
    "year", int, description="The financial year by the calendar year it starts in (2025 is 1 April 2025 to 31 March 2026); the current "
                             "one if left out.")


class CostStatementFilter(filters.FilterSet):
    partnership = filters.CharFilter(field_name="partnership__slug", help_text=gettext_lazy("A partnership's slug."))
    council = filters.CharFilter(field_name="council__slug", help_text=gettext_lazy("A council's slug."))

    class Meta:
        model = Membership
        fields = ["partnership", "council"]


def _pounds(value) -> str | None:
    return None if value is None else f"{Decimal(value):.2f}"


def _number(value) -> str | None:
    return None if value is None else format(Decimal(value).normalize(), "f")


def statement_data(statement, totals: dict) -> dict:
    """A council's statement (partnering.costs.services.council_statement) and its partnership's totals as plain data."""
    return {
        "partnership": statement.partnership.slug, "council": statement.council.slug, "year": statement.year,
        "year_label": statement.label,
        "pools": [{"pool": p["pool"].pk, "name": p["pool"].name, "share": _pounds(p.get("share")), "paid": _pounds(p.get("paid")),
                   "balance": _pounds(p.get("balance")), "cost_alone": _pounds(p.get("cost_alone")), "saving": _pounds(p.get("saving")),
                   "fair_saving": _pounds(p.get("fair_saving")), "within_tolerance": bool(p.get("within_tolerance")),
                   "error": p.get("error") or ""} for p in statement.pools],
        "recharges": [{"pool": r["pool"].pk, "name": r["pool"].name, "payer": r["payer"].slug, "payee": r["payee"].slug,
                       "amount": _pounds(r["amount"])} for r in statement.recharges],
        "funding": [{"package": f["package"].pk, "name": f["package"].name, "spend": _pounds(f["spend"]), "in_kind": _pounds(f["in_kind"]),
                     "in_kind_days": _number(f["in_kind_days"])} for f in statement.funding],
        "entitlements": [{"pool": e["pool"].pk, "name": e["pool"].name,
                          **{key: _number(e.get(key)) for key in ("entitlement", "one_to_one", "groups", "used", "balance")}}
                         for e in statement.entitlements],
        "places": {"booked": statement.places.get("booked", 0), "attended": statement.places.get("attended", 0)},
        "post_recharges": [{"post": r["post"].pk, "title": r["post"].title, "payer": r["payer"].slug, "payee": r["payee"].slug,
                            "amount": _pounds(r["amount"])} for r in statement.post_recharges],
        "time": None if statement.time is None else {
            key: _number(statement.time.get(key)) for key in ("given", "received", "net", "cover_given", "cover_received")},
        "totals": {key: _pounds(statement.totals.get(key)) for key in ("share", "paid", "balance", "saving", "spend", "in_kind")},
        "partnership_totals": {
            "pool_total": _pounds(totals["pool_total"]),
            "pools": [{"pool": row["pool"].pk, "name": row["pool"].name, "total": _pounds(row["total"]), "error": row["error"] or ""}
                      for row in totals["pools"]],
            "packages": [{"package": row["package"].pk, "name": row["package"].name,
                          **{key: _pounds(row[key]) for key in ("awarded", "spent", "underspend", "overspend")}} for row in totals["packages"]],
            "entitlements": [{"pool": row["pool"].pk, "name": row["pool"].name,
                              **{key: _number(row[key]) for key in ("pool_days", "drawn", "used")}} for row in totals["entitlements"]],
        },
    }


class CostStatementViewSet(ApiViewSet):
    """Each council's cost statement for a partnership and financial year, with the partnership's totals: a council's
    system reads its own council's (in each partnership it belongs to); signed in, a council's leads read their
    council's, a partnership's coordinators and board every member council's."""

    serializer_class = s.CostStatementSerializer
    filterset_class = CostStatementFilter
    pagination_class = FewerPerPage

    def get_queryset(self):
        if self.client:
            return rules.client_statement_memberships(self.scope)
        return statement_memberships_visible_to(self.scope)

    def _year(self) -> int:
        query = YearQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return query.validated_data.get("year") or current_financial_year()

    def _statements(self, memberships, year: int) -> list[dict]:
        totals: dict[int, dict] = {}  # a partnership's totals, worked out once however many of its councils are asked for
        out = []
        for membership in memberships:
            partnership = membership.partnership
            if partnership.pk not in totals:
                totals[partnership.pk] = partnership_totals(partnership, year)
            out.append(statement_data(council_statement(partnership, membership.council, year), totals[partnership.pk]))
        return out

    @extend_schema(parameters=[YEAR_PARAMETER])
    def list(self, request, *args, **kwargs):
        """The statements of councils that were members of the partnership at some time in the year."""
        year = self._year()
        start, end = period_of(year)
        matching = self.filter_queryset(self.get_queryset()).filter(Q(left_on__isnull=True) | Q(left_on__gte=start), joined_on__lte=end)
        firsts = matching.order_by().values("partnership_id", "council_id").annotate(first=Min("pk")).values("first")
        memberships = (Membership.objects.filter(pk__in=firsts).select_related("partnership", "council")
                       .order_by("partnership__name", "council__name", "pk"))
        page = self.paginate_queryset(memberships)
        return self.get_paginated_response(self._statements(page, year))

    @extend_schema(parameters=[YEAR_PARAMETER, OpenApiParameter("partnership", str, OpenApiParameter.PATH),
                               OpenApiParameter("council", str, OpenApiParameter.PATH)])
    def retrieve(self, request, partnership: str, council: str):
        year = self._year()
        start, end = period_of(year)
        # As in the list: only a council that was a member at some time in the year has that year's statement.
        membership = self.get_queryset().select_related("partnership", "council").filter(
            Q(left_on__isnull=True) | Q(left_on__gte=start), joined_on__lte=end,
            partnership__slug=partnership, council__slug=council).order_by("pk").first()
        if membership is None:
            raise exceptions.NotFound()
        return Response(self._statements([membership], year)[0])


# --- The public register -----------------------------------------------------------------------------------------------

class RegisterProjectFilter(filters.FilterSet):
    region = filters.CharFilter(field_name="lead_council__region", help_text=gettext_lazy("The lead council's region."))
    theme = filters.CharFilter(field_name="programme__theme")
    partner = filters.CharFilter(field_name="councils__council__slug", distinct=True, help_text=gettext_lazy("A partner council's slug."))
    partnership = filters.CharFilter(field_name="programme__partnership__slug", help_text=gettext_lazy("The partnership's slug."))
    status = filters.ChoiceFilter(choices=Project.Status.choices)

    class Meta:
        model = Project
        fields = ["region", "theme", "partner", "partnership", "status"]


class RegisterProjectViewSet(ReadOnly):
    """The public register: published projects only, with the public fields the register shows (never private notes,
    risks, decisions or the people named). No sign-in needed; the identifier (PRT-<number>) never changes."""

    serializer_class = s.RegisterProjectSerializer
    filterset_class = RegisterProjectFilter
    permission_classes = [AllowAny]
    pagination_class = FewerPerPage
    lookup_field = "identifier"

    def get_queryset(self):
        return register_projects_visible_to(self.scope)

    def list(self, request, *args, **kwargs):
        projects = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(prefetched(projects).order_by("pk"))
        return self.get_paginated_response(s.RegisterProjectSerializer([entry(p) for p in page], many=True).data)

    @extend_schema(parameters=[OpenApiParameter("identifier", str, OpenApiParameter.PATH, description="PRT-<number>")])
    def retrieve(self, request, identifier: str):
        return Response(s.RegisterProjectSerializer(entry(register_project_for(self.scope, identifier))).data)


# --- HR imports: a whole export at once ----------------------------------------------------------------------------

def problem_fields(export) -> dict[str, list[str]]:
    """Every problem under the place it is: `row.<n>.<column letter>` for a cell, `columns.<field>` for a column
    nothing holds (map it), `row.<n>` for a row as a whole, `file` for the file as a whole."""
    fields: dict[str, list[str]] = {}
    for problem in export.problems:
        if problem.row == 0:
            key = "file"
        elif problem.column:
            key = f"row.{problem.row}.{problem.column}"
        elif problem.row == export.header_row and problem.field:
            key = f"columns.{problem.field}"
        else:
            key = f"row.{problem.row}"
        fields.setdefault(key, []).append(str(problem.message))
    return fields


@extend_schema_view(
    list=extend_schema(description="The council's HR imports so far, from the browser and the API, newest first: a token reads its "
                                   "council's, signed in a council's leads theirs."),
    retrieve=extend_schema(description="One HR import and, once committed, what it did."),
)
class HrImportViewSet(mixins.CreateModelMixin, ReadOnly):
    """A council's HR export sent whole (multipart: `file`, `full_export`, `include_hand_entered`, `dry_run`), read and
    checked exactly as in the browser, then committed in one go or not at all; and the council's imports so far."""

    parser_classes = [MultiPartParser, FormParser]

    def get_serializer_class(self):
        return s.HrImportUploadSerializer if self.action == "create" else s.HrImportSerializer

    def get_queryset(self):
        return hr_imports_visible_to(self.scope).select_related("council").defer("data").order_by("-created_at", "-pk")

    @extend_schema(request={"multipart/form-data": s.HrImportUploadSerializer},
                   responses={201: s.HrImportResultSerializer, 200: s.HrImportResultSerializer,
                              422: OpenApiResponse(s.ErrorSerializer, description="The file has problems (by row and column, or "
                                                   "columns nobody mapped): nothing was written.")})
    def create(self, request, *args, **kwargs):
        """Send the HR export whole, as multipart `file` (.csv or .xlsx) with `full_export`, `include_hand_entered` and
        `dry_run`. It is read as in the browser (the header row found under title lines, the council's remembered column
        mapping) and checked whole: 201 with the counts when committed in one go; 200 with what would change when
        `dry_run` is true (nothing written); 422 with every problem in `fields` (`row.<n>.<column>` for a cell,
        `columns.<field>` for a column nothing holds, `file` for the file) and nothing written. Only a council's token,
        for its own council."""
        if not self.client:
            raise exceptions.PermissionDenied(_("HR exports are sent by a council's HR system, with its API token; leads upload theirs "
                                                "on the People import page."))
        data = s.HrImportUploadSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        options, upload = data.validated_data, data.validated_data["file"]
        if upload.size > hr_import.MAX_BYTES:
            raise exceptions.ValidationError({"file": [_("The file is larger than 20 MB.")]})
        council = self.client.council
        try:
            with self.acting():
                done = hr_import.hr_import_file(scope=self.scope, council=council, filename=upload.name, data=upload.read(),
                                                full_export=options["full_export"], include_hand_entered=options["include_hand_entered"],
                                                dry_run=options["dry_run"])
        except FileProblem as problem:
            raise exceptions.ValidationError({"file": [str(problem)]}) from None
        except hr_import.ExportProblems as problems:
            export = problems.checked.export
            message = ngettext("The file has %(count)d problem: nothing was imported.", "The file has %(count)d problems: nothing was imported.",
                               len(export.problems)) % {"count": len(export.problems)}
            if export.unmapped and any(not p.column and p.row for p in export.problems):
                message += " " + _("Columns not read: %(columns)s. A lead maps them once on the People import page in the browser; "
                                   "the mapping is remembered for the API too.") % {"columns": ", ".join(f"“{h}”" for h in export.unmapped)}
            return Response(error_body(422, "file_problems", message, problem_fields(export)), status=422)
        plan = done.checked.plan
        export = done.checked.export
        rows = ([{"row": r.row, "email": r.email, "change": "start"} for r in plan.starters]
                + [{"row": r.row, "email": r.email, "change": "change"} for r in plan.changes]
                + [{"row": r.row, "email": r.email, "change": "leave"} for r in plan.leavers_in_file])
        ending = [e.email for e in plan.missing] + ([e.email for e in plan.hand_entered_missing] if options["include_hand_entered"] else [])
        body = {
            "id": done.hr_import.pk if done.hr_import else None, "council": council.slug, "filename": upload.name,
            "dry_run": options["dry_run"], "full_export": options["full_export"], "include_hand_entered": options["include_hand_entered"],
            "header_row": export.header_row, "columns": {name: column_letter(index) for name, index in export.columns.items()},
            "counts": done.counts, "rows": sorted(rows, key=lambda r: r["row"]), "ending": sorted(ending),
        }
        return Response(s.HrImportResultSerializer(body).data, status=status.HTTP_200_OK if options["dry_run"] else status.HTTP_201_CREATED)
