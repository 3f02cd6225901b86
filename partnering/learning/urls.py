from django.urls import path

from . import views

app_name = "learning"

urlpatterns = [
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/sessions/<int:pk>/", views.session_detail, name="session-detail"),
    path("catalogue/sessions/<int:pk>/register/", views.register, name="register"),
    path("me/bookings/", views.my_bookings, name="my-bookings"),
    path("me/bookings/<int:pk>/cancel/", views.booking_cancel, name="booking-cancel"),
    path("me/record/", views.my_record, name="my-record"),
    path("me/record/share/<slug:slug>/", views.record_share, name="record-share"),
    path("learning/councils/<slug:slug>/people/<int:pk>/record/", views.person_record, name="person-record"),
    path("learning/councils/<slug:slug>/requirements/", views.requirements, name="requirements"),
    path("learning/councils/<slug:slug>/bookings/", views.council_bookings, name="council-bookings"),
    path("learning/bookings/<int:pk>/decide/", views.booking_decide, name="booking-decide"),
    path("me/approvals/", views.approvals, name="approvals"),
    path("me/record/evidence/new/", views.evidence_add, name="evidence-add"),
    path("learning/evidence/<int:pk>/file/", views.evidence_file, name="evidence-file"),
    path("learning/evidence/<int:pk>/decide/", views.evidence_decide, name="evidence-decide"),
    path("me/bookings/<int:pk>/evaluate/", views.evaluate, name="evaluate"),
    path("me/bookings/<int:pk>/follow-up/", views.follow_up, name="follow-up"),
    path("learning/courses/<int:pk>/evaluations/", views.course_evaluations, name="course-evaluations"),
    path("learning/partnerships/<slug:slug>/reports/", views.reports, name="reports"),
    path("learning/partnerships/<slug:slug>/courses/new/", views.course_create, name="course-create"),
    path("learning/courses/<int:pk>/sessions/new/", views.session_create, name="session-create"),
    path("learning/sessions/<int:pk>/edit/", views.session_edit, name="session-edit"),
]
