from django.contrib import admin
from django.db import transaction

from . import audit
from .models import AuditEntry


class ScopedAdmin(admin.ModelAdmin):
    """Non-superuser administrators see and change only what the model's visibility rules allow."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.visible_to(request.user)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or request.user.is_superuser or self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or request.user.is_superuser or self._editable(request, obj)

    def _editable(self, request, obj):
        manager = type(obj)._default_manager
        if hasattr(manager, "editable_by"):
            return manager.editable_by(request.user).filter(pk=obj.pk).exists()
        return False


class AuditedAdmin(ScopedAdmin):
    """Admin changes leave the same audit trail as changes made in the service."""

    def save_model(self, request, obj, form, change):
        before = audit.snapshot(type(obj)._default_manager.get(pk=obj.pk)) if change else None
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            audit.record(
                actor=request.user,
                instance=obj,
                action=AuditEntry.Action.UPDATE if change else AuditEntry.Action.CREATE,
                before=before,
            )

    def delete_model(self, request, obj):
        with transaction.atomic():
            audit.record(actor=request.user, instance=obj, action=AuditEntry.Action.DELETE, before=audit.snapshot(obj))
            super().delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        # Inline rows (a partnership's memberships, an employment's roles) are audited one by one.
        with transaction.atomic():
            instances = formset.save(commit=False)
            for obj in formset.deleted_objects:
                audit.record(actor=request.user, instance=obj, action=AuditEntry.Action.DELETE, before=audit.snapshot(obj))
                obj.delete()
            for obj in instances:
                before = audit.snapshot(type(obj)._default_manager.get(pk=obj.pk)) if obj.pk else None
                obj.save()
                action = AuditEntry.Action.UPDATE if before is not None else AuditEntry.Action.CREATE
                audit.record(actor=request.user, instance=obj, action=action, before=before)
            formset.save_m2m()

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(AuditEntry)
class AuditEntryAdmin(ScopedAdmin):
    list_display = ["at", "actor", "council", "action", "object_repr"]
    list_filter = ["action", "council"]
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
