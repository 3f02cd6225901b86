"""See the app's docstring in apps.py."""
from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("meetings/", views.index, name="index"),
    path("meetings/bodies/new/", views.body_create, name="body-create"),
    path("meetings/bodies/<slug:slug>/", views.body, name="body"),
    path("meetings/bodies/<slug:slug>/hosts/", views.hosts, name="hosts"),
    path("meetings/bodies/<slug:slug>/members/new/", views.member_add, name="member-add"),
    path("meetings/bodies/<slug:slug>/members/<int:pk>/remove/", views.member_remove, name="member-remove"),
    path("meetings/bodies/<slug:slug>/meetings/new/", views.meeting_create, name="meeting-create"),
    path("meetings/bodies/<slug:slug>/meetings/plan/", views.meeting_plan, name="meeting-plan"),
    path("meetings/bodies/<slug:slug>/decisions/", views.decisions, name="decisions"),
    path("meetings/bodies/<slug:slug>/decisions.xlsx", views.decisions, {"fmt": "xlsx"}, name="decisions-xlsx"),
    path("meetings/bodies/<slug:slug>/decisions.csv", views.decisions, {"fmt": "csv"}, name="decisions-csv"),
    path("meetings/bodies/<slug:slug>/actions/", views.actions, name="actions"),
    path("meetings/bodies/<slug:slug>/actions.xlsx", views.actions, {"fmt": "xlsx"}, name="actions-xlsx"),
    path("meetings/bodies/<slug:slug>/actions.csv", views.actions, {"fmt": "csv"}, name="actions-csv"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting-edit"),
    path("meetings/<int:pk>/invite/", views.invite, name="invite"),
    path("meetings/<int:pk>/calendar.ics", views.calendar, name="calendar"),
    path("meetings/<int:pk>/carry-forward/", views.roll, name="carry-forward"),
    path("meetings/<int:pk>/items/new/", views.item_add, name="item-add"),
    path("meetings/<int:pk>/minutes/", views.minutes, name="minutes"),
    path("meetings/<int:pk>/decisions/new/", views.decision_add, name="decision-add"),
    path("meetings/<int:pk>/actions/new/", views.action_add, name="action-add"),
    path("meetings/<int:pk>/pack.pdf", views.pack, name="pack"),
    path("meetings/<int:pk>/minutes.pdf", views.minutes_pdf, name="minutes-pdf"),
    path("meetings/items/<int:pk>/edit/", views.item_edit, name="item-edit"),
    path("meetings/items/<int:pk>/remove/", views.item_remove, name="item-remove"),
    path("meetings/items/<int:pk>/papers/new/", views.paper_add, name="paper-add"),
    path("meetings/papers/<int:pk>/", views.paper, name="paper"),
    path("meetings/papers/<int:pk>/remove/", views.paper_remove, name="paper-remove"),
    path("meetings/decisions/<int:pk>/remove/", views.decision_remove, name="decision-remove"),
    path("meetings/actions/<int:pk>/", views.action, name="action"),
]
