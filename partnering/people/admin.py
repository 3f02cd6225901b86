from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from partnering.core.admin import AuditedAdmin, ScopedInline

from .models import CouncilRole, Employment, PartnershipRole, Person


class CouncilRoleInline(ScopedInline):
    model = CouncilRole


@admin.register(Person)
class PersonAdmin(UserAdmin, AuditedAdmin):
    ordering = ["full_name"]
    list_display = ["full_name", "email", "is_active", "is_staff"]
    search_fields = ["full_name", "email"]
    list_filter = ["is_active", "is_staff", "is_superuser"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal details"), {"fields": ["full_name"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]})]


@admin.register(Employment)
class EmploymentAdmin(AuditedAdmin):
    list_display = ["person", "council", "job_title", "fte", "start_on", "end_on"]
    list_filter = ["council"]
    search_fields = ["person__full_name", "person__email", "job_title"]
    list_select_related = ["person", "council"]
    autocomplete_fields = ["person"]
    inlines = [CouncilRoleInline]


@admin.register(PartnershipRole)
class PartnershipRoleAdmin(AuditedAdmin):
    list_display = ["person", "partnership", "role", "start_on", "end_on"]
    list_filter = ["role", "partnership"]
    autocomplete_fields = ["person"]
