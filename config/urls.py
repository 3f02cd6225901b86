from django.contrib import admin
from django.urls import include, path

from partnering.people.views import set_language

admin.site.site_header = "Partnering"
admin.site.site_title = "Partnering administration"

urlpatterns = [
    path("", include("partnering.core.urls")),
    path("", include("partnering.organisations.urls")),
    path("", include("partnering.people.urls")),
    path("", include("partnering.mapping.urls")),
    path("", include("partnering.overlap.urls")),
    path("", include("partnering.glossary.urls")),
    path("", include("partnering.learning.urls")),
    path("", include("partnering.planning.urls")),
    path("", include("partnering.costs.urls")),
    path("", include("partnering.directory.urls")),
    path("", include("partnering.community.urls")),
    path("", include("partnering.meetings.urls")),
    path("", include("partnering.workforce.urls")),
    path("", include("partnering.assessment.urls")),
    path("", include("partnering.identity.urls")),
    path("", include("partnering.api.urls")),
    path("", include("partnering.ops.urls")),
    path("", include("partnering.programmes.urls")),
    path("", include("partnering.register.urls")),
    path("accounts/", include("partnering.core.auth_urls")),
    # Each council's OpenID Connect sign-in (django-allauth): /accounts/oidc/<council slug>/login/callback/
    path("accounts/", include("partnering.identity.oidc_urls")),
    # Django's set_language, which also records the language for emails of someone who has not chosen one.
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/translations/", include("partnering.core.translation_admin")),
    path("admin/", admin.site.urls),
]
