from django.urls import path

from . import views

app_name = "overlap"

urlpatterns = [
    path("overlap/partnerships/<slug:slug>/", views.report, name="report"),
    path("overlap/partnerships/<slug:slug>/one-council/", views.one_council, name="one-council"),
    path("overlap/partnerships/<slug:slug>/run/", views.run, name="run"),
    path("overlap/partnerships/<slug:slug>/opportunities/", views.opportunities, name="opportunities"),
    path("overlap/partnerships/<slug:slug>/decisions/", views.decisions, name="decisions"),
    path("overlap/partnerships/<slug:slug>/questions/", views.questions, name="questions"),
    path("overlap/partnerships/<slug:slug>/learning/", views.learning, name="learning"),
    path("overlap/questions/<int:pk>/answer/", views.question_answer, name="question-answer"),
    path("overlap/decisions/<int:pk>/undo/", views.decision_undo, name="decision-undo"),
    path("overlap/runs/<int:pk>/", views.run_status, name="run-status"),
    path("overlap/groups/<int:pk>/", views.group_detail, name="group-detail"),
    path("overlap/groups/<int:pk>/<str:action>/", views.group_decide, name="group-decide"),
]
