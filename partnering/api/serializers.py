from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from partnering.learning.models import Booking, Session, TrainingRecord
from partnering.mapping.models import Provision
from partnering.organisations.models import Council, Partnership
from partnering.people.models import Employment, Person


class CouncilSerializer(serializers.ModelSerializer):
    class Meta:
        model = Council
        fields = ["slug", "name", "short_name", "gss_code", "country", "region", "email_domain"]


class PartnershipSerializer(serializers.ModelSerializer):
    councils = serializers.SerializerMethodField()

    class Meta:
        model = Partnership
        fields = ["slug", "name", "councils"]

    def get_councils(self, partnership) -> list[str]:
        return [m.council.slug for m in partnership.current_memberships]


class ProvisionSerializer(serializers.ModelSerializer):
    council = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    topic = serializers.CharField(source="topic.name", default=None, read_only=True, allow_null=True)

    class Meta:
        model = Provision
        fields = ["id", "council", "year", "title", "topic", "delivery_method", "provider_type", "provider_name", "accreditation", "level",
                  "duration_hours", "sessions_per_year", "learners_per_year", "annual_cost_pence"]


class SessionSerializer(serializers.ModelSerializer):
    course = serializers.CharField(source="course.title", read_only=True)
    course_id = serializers.IntegerField(read_only=True)
    partnership = serializers.CharField(source="course.partnership.slug", read_only=True)
    cancelled = serializers.SerializerMethodField()

    class Meta:
        model = Session
        fields = ["id", "course_id", "course", "partnership", "starts_at", "ends_at", "capacity", "online_url", "cancelled"]

    def get_cancelled(self, session) -> bool:
        return session.cancelled_at is not None


class BookingSerializer(serializers.ModelSerializer):
    council = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    person = serializers.EmailField(source="person.email", read_only=True)

    class Meta:
        model = Booking
        fields = ["id", "session", "person", "council", "status", "created_at"]
        read_only_fields = fields


class BookingCreateSerializer(serializers.Serializer):
    session = serializers.IntegerField(min_value=1, help_text=_("The session's id."))
    person = serializers.EmailField(help_text=_("The email address of a person employed by the token's council."))


class TrainingRecordSerializer(serializers.ModelSerializer):
    person = serializers.EmailField(source="person.email", read_only=True)
    council = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    evidence_url = serializers.SerializerMethodField()

    class Meta:
        model = TrainingRecord
        fields = ["id", "person", "title", "completed_on", "course", "council", "hours", "evidence_url"]
        read_only_fields = fields

    def get_evidence_url(self, record) -> str | None:
        completion = getattr(record, "external_completion", None)
        return completion.evidence_url or None if completion else None


class CompletionSerializer(serializers.Serializer):
    external_id = serializers.CharField(max_length=100, help_text=_("The sending system's own id: sending it again changes the record."))
    person = serializers.EmailField(help_text=_("The email address of a person employed by the token's council."))
    title = serializers.CharField(max_length=300, required=False, allow_blank=False)
    course = serializers.IntegerField(min_value=1, required=False, help_text=_("A Partnering course id, if it was one."))
    completed_on = serializers.DateField()
    hours = serializers.DecimalField(max_digits=6, decimal_places=2, min_value=Decimal("0"), required=False, allow_null=True)
    evidence_url = serializers.URLField(max_length=500, required=False, allow_blank=True)


class PersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "email", "full_name"]
        read_only_fields = ["id"]


class EmploymentSerializer(serializers.ModelSerializer):
    person = serializers.EmailField(source="person.email", read_only=True)
    council = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    line_manager = serializers.EmailField(source="line_manager.email", default=None, read_only=True, allow_null=True)

    class Meta:
        model = Employment
        fields = ["id", "person", "council", "job_title", "fte", "start_on", "end_on", "line_manager"]
        read_only_fields = fields


class EmploymentWriteSerializer(serializers.Serializer):
    person = serializers.EmailField()
    full_name = serializers.CharField(max_length=150)
    job_title = serializers.CharField(max_length=150)
    fte = serializers.DecimalField(max_digits=4, decimal_places=3, min_value=Decimal("0.001"), max_value=Decimal("1"), required=False)
    start_on = serializers.DateField()
    end_on = serializers.DateField(required=False, allow_null=True)
    line_manager = serializers.EmailField(required=False, allow_null=True, allow_blank=True)

    def validate(self, data):
        if data.get("end_on") and data["end_on"] < data["start_on"]:
            raise serializers.ValidationError({"end_on": _("The end date must be on or after the start date.")})
        return data


class ErrorSerializer(serializers.Serializer):
    """Every error has this body."""

    status = serializers.IntegerField()
    code = serializers.CharField()
    message = serializers.CharField()
    fields = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False)
