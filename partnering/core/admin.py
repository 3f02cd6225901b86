from django.contrib import admin

from partnering.access import admin as admin_rules

from . import audit
from .models import AuditEntry


class ScopedAdmin(admin.ModelAdmin):
    """Staff users who are not superusers see, add and change only what the access layer allows."""

    def _scope(self, request):
        return request.scope

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk__in=admin_rules.visible_rows(self._scope(request), self.model).values("pk"))

    def has_add_permission(self, request, *args):
        return super().has_add_permission(request, *args) and (
            request.user.is_superuser or admin_rules.can_add_row(self._scope(request), self.model))

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or request.user.is_superuser or admin_rules.can_change_row(self._scope(request), obj)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or request.user.is_superuser or admin_rules.can_change_row(self._scope(request), obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and hasattr(field, "queryset"):
            field.queryset = admin_rules.choices_for(self._scope(request), db_field, field.queryset)
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and hasattr(field, "queryset"):
            field.queryset = admin_rules.choices_for(self._scope(request), db_field, field.queryset)
        return field


class ScopedInline(admin.TabularInline):
    """Inline rows obey the same rules as the page they sit on."""

    extra = 0

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk__in=admin_rules.visible_rows(request.scope, self.model).values("pk"))

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and (request.user.is_superuser or admin_rules.can_add_row(request.scope, self.model))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            request.user.is_superuser or obj is None or admin_rules.can_change_row(request.scope, obj))

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj) and super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and hasattr(field, "queryset"):
            field.queryset = admin_rules.choices_for(request.scope, db_field, field.queryset)
        return field


class AuditedAdmin(ScopedAdmin):
    """Admin changes are recorded by the audit trail like any other change (its signals see every save, delete
    and many-to-many change, inline rows included); this only says they were made by this administrator, in the admin."""

    def changeform_view(self, request, *args, **kwargs):
        with audit.acting_as(request.user, source="admin"):
            return super().changeform_view(request, *args, **kwargs)

    def changelist_view(self, request, *args, **kwargs):  # list editing and actions such as "delete selected"
        with audit.acting_as(request.user, source="admin"):
            return super().changelist_view(request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        with audit.acting_as(request.user, source="admin"):
            return super().delete_view(request, *args, **kwargs)


@admin.register(AuditEntry)
class AuditEntryAdmin(ScopedAdmin):
    list_display = ["at", "actor", "source", "council", "partnership", "action", "object_repr"]
    list_filter = ["action", "source", "council", "partnership"]
    search_fields = ["object_repr", "actor__email"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff
