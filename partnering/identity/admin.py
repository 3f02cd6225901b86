from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from partnering.core import audit

from .models import AccessRequest, IdentityProvider, SignIn


class _Audited(admin.ModelAdmin):
    """Site administrators' changes here are recorded as theirs, made in the admin."""

    def changeform_view(self, request, *args, **kwargs):
        with audit.acting_as(request.user, source="admin"):
            return super().changeform_view(request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        with audit.acting_as(request.user, source="admin"):
            return super().delete_view(request, *args, **kwargs)


def unregister_unused_allauth_admin():
    """allauth's own tables for apps, tokens and email addresses are not used: providers are set up per council
    below, and email addresses live on the person."""
    from allauth.account.models import EmailAddress
    from allauth.socialaccount.models import SocialApp, SocialToken

    for model in (SocialApp, SocialToken, EmailAddress):
        if admin.site.is_registered(model):
            admin.site.unregister(model)


@admin.register(IdentityProvider)
class IdentityProviderAdmin(_Audited):
    list_display = ("council", "issuer", "domains", "requires_approval", "requires_two_factor", "is_active")
    readonly_fields = ("tenant_id", "redirect_uri")
    fields = ("council", "issuer", "tenant_id", "client_id", "client_secret", "domains", "requires_approval", "requires_two_factor",
              "is_active", "redirect_uri")

    @admin.display(description=_("Redirect URI to register with the provider"))
    def redirect_uri(self, obj):
        from django.conf import settings
        from django.urls import reverse

        if not obj or not obj.pk:
            return "-"
        return settings.SITE_URL + reverse("openid_connect_callback", kwargs={"provider_id": obj.council.slug})


@admin.register(AccessRequest)
class AccessRequestAdmin(_Audited):
    list_display = ("full_name", "email", "council", "status", "requested_at")
    list_filter = ("status",)


@admin.register(SignIn)
class SignInAdmin(admin.ModelAdmin):
    list_display = ("person", "method", "council", "at", "first_time")
    list_filter = ("method",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
