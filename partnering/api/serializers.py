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


# --- Cost statements (read) -------------------------------------------------------------------------------------------
# Amounts are pounds as text with two decimal places (whole pence: every split adds up exactly to its total); days and
# hours are decimals as text. A pool whose shares cannot be worked out has null figures and its `error`.

def _money(**kwargs):
    return serializers.CharField(**{"allow_null": True, "help_text": _("Pounds, with two decimal places."), **kwargs})


def _figure(**kwargs):
    return serializers.CharField(**{"allow_null": True, "help_text": _("A decimal number, as text."), **kwargs})


class StatementPoolSerializer(serializers.Serializer):
    pool = serializers.IntegerField()
    name = serializers.CharField()
    share = _money()
    paid = _money()
    balance = _money()
    cost_alone = _money(help_text=_("What the council would pay on its own (null if not known)."))
    saving = _money(help_text=_("The saving by the agreed basis."))
    fair_saving = _money(help_text=_("The saving shared by the Shapley value."))
    within_tolerance = serializers.BooleanField()
    error = serializers.CharField(allow_blank=True, help_text=_("Why the shares cannot be worked out; empty when they can."))


class StatementRechargeSerializer(serializers.Serializer):
    pool = serializers.IntegerField()
    name = serializers.CharField()
    payer = serializers.CharField(help_text=_("The council invoiced (slug)."))
    payee = serializers.CharField(help_text=_("The invoicing council (slug)."))
    amount = _money()


class StatementFundingSerializer(serializers.Serializer):
    package = serializers.IntegerField()
    name = serializers.CharField()
    spend = _money()
    in_kind = _money(help_text=_("The value of what the council gave in kind, never added to cash."))
    in_kind_days = _figure()


class StatementEntitlementSerializer(serializers.Serializer):
    pool = serializers.IntegerField()
    name = serializers.CharField()
    entitlement = _figure(help_text=_("Days drawn."))
    one_to_one = _figure()
    groups = _figure()
    used = _figure()
    balance = _figure()


class StatementPlacesSerializer(serializers.Serializer):
    booked = serializers.IntegerField()
    attended = serializers.IntegerField()


class StatementPostRechargeSerializer(serializers.Serializer):
    post = serializers.IntegerField()
    title = serializers.CharField()
    payer = serializers.CharField()
    payee = serializers.CharField()
    amount = _money()


class StatementTimeSerializer(serializers.Serializer):
    given = _figure()
    received = _figure()
    net = _figure()
    cover_given = _figure()
    cover_received = _figure()


class StatementTotalsSerializer(serializers.Serializer):
    share = _money()
    paid = _money()
    balance = _money()
    saving = _money()
    spend = _money()
    in_kind = _money()


class PartnershipPoolTotalSerializer(serializers.Serializer):
    pool = serializers.IntegerField()
    name = serializers.CharField()
    total = _money()
    error = serializers.CharField(allow_blank=True)


class PartnershipPackageTotalSerializer(serializers.Serializer):
    package = serializers.IntegerField()
    name = serializers.CharField()
    awarded = _money()
    spent = _money()
    underspend = _money()
    overspend = _money()


class PartnershipEntitlementTotalSerializer(serializers.Serializer):
    pool = serializers.IntegerField()
    name = serializers.CharField()
    pool_days = _figure()
    drawn = _figure()
    used = _figure()


class PartnershipTotalsSerializer(serializers.Serializer):
    pool_total = _money(help_text=_("Joint costs shared across the partnership in the year."))
    pools = PartnershipPoolTotalSerializer(many=True)
    packages = PartnershipPackageTotalSerializer(many=True)
    entitlements = PartnershipEntitlementTotalSerializer(many=True)


class CostStatementSerializer(serializers.Serializer):
    """A council's statement for a partnership and financial year (1 April to 31 March), with the partnership's totals."""

    partnership = serializers.CharField(help_text=_("The partnership's slug."))
    council = serializers.CharField(help_text=_("The council's slug."))
    year = serializers.IntegerField(help_text=_("The financial year, by the calendar year it starts in."))
    year_label = serializers.CharField()
    pools = StatementPoolSerializer(many=True)
    recharges = StatementRechargeSerializer(many=True)
    funding = StatementFundingSerializer(many=True)
    entitlements = StatementEntitlementSerializer(many=True)
    places = StatementPlacesSerializer()
    post_recharges = StatementPostRechargeSerializer(many=True)
    time = StatementTimeSerializer(allow_null=True)
    totals = StatementTotalsSerializer()
    partnership_totals = PartnershipTotalsSerializer()


# --- The public register (read) ---------------------------------------------------------------------------------------
# The fields are the register's own (partnering.register.opendata.entry): what a council published, nothing private.

class RegisterPartnerSerializer(serializers.Serializer):
    name = serializers.CharField()
    kind = serializers.CharField(help_text=_("council, or the kind of partner organisation."))
    role = serializers.CharField(allow_blank=True)


class RegisterFunderSerializer(serializers.Serializer):
    funder = serializers.CharField()
    awarded = serializers.CharField(allow_null=True)


class RegisterBudgetSerializer(serializers.Serializer):
    year = serializers.CharField()
    amount = serializers.CharField(allow_null=True)


class RegisterSpendSerializer(serializers.Serializer):
    date = serializers.CharField()
    amount = serializers.CharField(allow_null=True)
    description = serializers.CharField(allow_blank=True)


class RegisterFundingSerializer(serializers.Serializer):
    funders = RegisterFunderSerializer(many=True)
    budget = RegisterBudgetSerializer(many=True)
    spent = serializers.CharField(allow_null=True)
    spend = RegisterSpendSerializer(many=True, required=False)
    start = serializers.CharField(allow_null=True)
    end = serializers.CharField(allow_null=True)


class RegisterPeriodSerializer(serializers.Serializer):
    start_on = serializers.CharField()
    end_on = serializers.CharField()
    target = serializers.CharField(allow_null=True)
    actual = serializers.CharField(allow_null=True)
    target_text = serializers.CharField(allow_blank=True)
    actual_text = serializers.CharField(allow_blank=True)
    comment = serializers.CharField(allow_blank=True)


class RegisterIndicatorSerializer(serializers.Serializer):
    title = serializers.CharField()
    measure = serializers.CharField()
    ascending = serializers.BooleanField()
    baseline = serializers.CharField(allow_null=True)
    baseline_on = serializers.CharField(allow_null=True)
    baseline_note = serializers.CharField(allow_blank=True)
    periods = RegisterPeriodSerializer(many=True)
    actual_now = serializers.CharField(allow_null=True)
    actual_text = serializers.CharField(allow_blank=True, allow_null=True)
    as_of = serializers.CharField(allow_null=True)
    stale = serializers.BooleanField()
    computed = serializers.BooleanField()
    target_met = serializers.BooleanField(allow_null=True)


class RegisterResultSerializer(serializers.Serializer):
    kind = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    indicators = RegisterIndicatorSerializer(many=True)


class RegisterPlannedRealisedSerializer(serializers.Serializer):
    planned = serializers.CharField(allow_null=True)
    realised = serializers.CharField(allow_null=True)


class RegisterNonCashSerializer(serializers.Serializer):
    description = serializers.CharField()
    category = serializers.CharField(allow_blank=True)


class RegisterBenefitsSerializer(serializers.Serializer):
    cashable_savings = RegisterPlannedRealisedSerializer()
    cost_avoidance = RegisterPlannedRealisedSerializer()
    non_cash = RegisterNonCashSerializer(many=True)


class RegisterProjectSerializer(serializers.Serializer):
    """A published project's public record, as on the public register and in its open data."""

    identifier = serializers.CharField(help_text=_("The stable identifier, PRT-<number>."))
    iati_identifier = serializers.CharField()
    name = serializers.CharField()
    programme = serializers.CharField()
    partnership = serializers.CharField()
    region = serializers.CharField(allow_blank=True)
    theme = serializers.CharField(allow_blank=True)
    status = serializers.CharField()
    lead_council = serializers.CharField()
    partners = RegisterPartnerSerializer(many=True)
    purpose = serializers.CharField(allow_blank=True)
    start_on = serializers.CharField(allow_null=True)
    end_on = serializers.CharField(allow_null=True)
    funding = RegisterFundingSerializer()
    outcomes = serializers.CharField(allow_blank=True)
    results = RegisterResultSerializer(many=True)
    benefits = RegisterBenefitsSerializer()
    enablers = serializers.ListField(child=serializers.CharField())
    barriers = serializers.ListField(child=serializers.CharField())
    published_on = serializers.CharField(allow_null=True)
    updated_at = serializers.CharField(allow_null=True)


# --- HR imports ------------------------------------------------------------------------------------------------------

class HrImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text=_("The HR export, .csv or .xlsx (at most 20 MB), with a row of column names."))
    full_export = serializers.BooleanField(
        default=False, help_text=_("The file lists everyone the council employs: jobs an earlier import made that are not in it are "
                                   "ended today (never deleted). False: only the people in the file change."))
    include_hand_entered = serializers.BooleanField(
        default=False, help_text=_("With a full export, also end the jobs entered by hand (not by an import) that are not in the "
                                   "file. Off unless you choose it."))
    dry_run = serializers.BooleanField(default=False, help_text=_("Check and preview only: nothing is written."))

    def validate(self, data):
        if data["include_hand_entered"] and not data["full_export"]:
            raise serializers.ValidationError({"include_hand_entered": [
                _("Only a full export ends jobs: send full_export=true as well, or leave this out.")]})
        return data


class HrImportCountsSerializer(serializers.Serializer):
    started = serializers.IntegerField(help_text=_("New jobs (created)."))
    changed = serializers.IntegerField(help_text=_("Jobs already held, brought up to date (updated)."))
    left = serializers.IntegerField(help_text=_("Jobs given an end date in the file."))
    ended = serializers.IntegerField(help_text=_("Jobs an earlier import made, not in this full export: ended today."))
    ended_hand_entered = serializers.IntegerField(help_text=_("Jobs entered by hand, not in this full export, ended by choice."))
    left_alone = serializers.IntegerField(help_text=_("Jobs entered by hand, not in this full export, left alone."))


class HrImportRowSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text=_("The row in the file."))
    email = serializers.EmailField()
    change = serializers.ChoiceField(choices=["start", "change", "leave"])


class HrImportResultSerializer(serializers.Serializer):
    """What an import did, or, on a dry run, would do."""

    id = serializers.IntegerField(allow_null=True, help_text=_("The kept import; null on a dry run."))
    council = serializers.CharField()
    filename = serializers.CharField()
    dry_run = serializers.BooleanField()
    full_export = serializers.BooleanField()
    include_hand_entered = serializers.BooleanField()
    header_row = serializers.IntegerField()
    columns = serializers.DictField(child=serializers.CharField(), help_text=_("Each field read, and the column (letter) it came from."))
    counts = HrImportCountsSerializer()
    rows = HrImportRowSerializer(many=True)
    ending = serializers.ListField(child=serializers.EmailField(), help_text=_("The people whose jobs are ended (not in this full export)."))


class HrImportSerializer(serializers.Serializer):
    """An import kept for the council (from the browser or the API)."""

    id = serializers.IntegerField()
    council = serializers.CharField(source="council.slug")
    filename = serializers.CharField()
    full_export = serializers.BooleanField()
    status = serializers.CharField()
    summary = serializers.DictField(help_text=_("What it did, once committed: the counts, and whether jobs entered by hand were included."))
    created_at = serializers.DateTimeField()
