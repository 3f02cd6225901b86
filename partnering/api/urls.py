from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import pages, views

app_name = "api"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("councils", views.CouncilViewSet, basename="council")
router.register("partnerships", views.PartnershipViewSet, basename="partnership")
router.register("provision", views.ProvisionViewSet, basename="provision")
router.register("sessions", views.SessionViewSet, basename="session")
router.register("bookings", views.BookingViewSet, basename="booking")
router.register("training-records", views.TrainingRecordViewSet, basename="training-record")
router.register("people", views.PersonViewSet, basename="person")
router.register("employments", views.EmploymentViewSet, basename="employment")
router.register("register-projects", views.RegisterProjectViewSet, basename="register-project")
router.register("hr-imports", views.HrImportViewSet, basename="hr-import")

# A statement is keyed by its partnership and council (the year is a query), so its addresses are written out.
statements = [
    path("cost-statements/", views.CostStatementViewSet.as_view({"get": "list"}), name="cost-statement-list"),
    path("cost-statements/<slug:partnership>/<slug:council>/", views.CostStatementViewSet.as_view({"get": "retrieve"}),
         name="cost-statement-detail"),
]

urlpatterns = [
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("api/v1/", include(statements + router.urls)),
    path("councils/<slug:slug>/api-tokens/", pages.tokens, name="tokens"),
    path("api-tokens/<int:pk>/revoke/", pages.token_revoke, name="token-revoke"),
]
