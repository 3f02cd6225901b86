from django.contrib import admin

from partnering.core.admin import AuditedAdmin, ScopedInline

from .models import Council, Membership, Partnership, Venue


class MembershipInline(ScopedInline):
    model = Membership


@admin.register(Council)
class CouncilAdmin(AuditedAdmin):
    list_display = ["name", "short_name", "gss_code", "country", "region", "headcount"]
    list_filter = ["country", "region"]
    search_fields = ["name", "short_name", "gss_code"]
    prepopulated_fields = {"slug": ["short_name"]}


@admin.register(Partnership)
class PartnershipAdmin(AuditedAdmin):
    list_display = ["name", "kind", "formed_on"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Venue)
class VenueAdmin(AuditedAdmin):
    list_display = ["name", "council", "postcode", "capacity", "step_free_access", "sharing"]
    list_filter = ["sharing", "step_free_access", "council"]
    search_fields = ["name", "postcode", "council__name"]
    list_select_related = ["council"]
