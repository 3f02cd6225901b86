from django.urls import path

from . import views

app_name = "planning"

urlpatterns = [
    path("planning/courses/<int:pk>/", views.plan_venues, name="plan"),
    path("planning/courses/<int:pk>/sessions/", views.apply_plan, name="apply"),
    path("planning/plans/<int:pk>/", views.plan_detail, name="plan-detail"),
    path("planning/plans/<int:pk>/undo/", views.undo_plan, name="plan-undo"),
]
