"""The REST API: thin views over the access layer and the apps' services. A token acts for its council as the
council's system (scope_for_client); a signed-in person through their browser session acts as themselves."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import exception_handler

from partnering.access import api as rules
from partnering.access.learning import bookings_visible_to, records_visible_to, sessions_visible_to
from partnering.access.mapping import provision_visible_to
from partnering.access.people import employments_visible_to, people_visible_to
from partnering.access.scope import scope_for_client, scope_of
from partnering.core import audit
from partnering.learning.models import Booking, Session, TrainingRecord
from partnering.mapping.models import Provision
from partnering.organisations.models import Membership
from partnering.people.models import Employment

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

