from django.urls import path

from . import views

app_name = "assessment"

urlpatterns = [
    path("assessment/", views.home, name="home"),
    path("assessment/partnerships/<slug:slug>/rules/", views.rules_edit, name="rules"),
    path("assessment/partnerships/<slug:slug>/frameworks/new/", views.framework_create, name="framework-create"),
    path("assessment/frameworks/<int:pk>/", views.framework_detail, name="framework-detail"),
    path("assessment/frameworks/<int:pk>/criteria/new/", views.criterion_add, name="criterion-add"),
    path("assessment/criteria/<int:pk>/edit/", views.criterion_edit, name="criterion-edit"),
    path("assessment/frameworks/<int:pk>/start/", views.assessment_start, name="assessment-start"),
    path("assessment/assessments/<int:pk>/", views.assessment_detail, name="assessment-detail"),
    path("assessment/assessments/<int:pk>/scores/", views.assessment_scores, name="assessment-scores"),
    path("assessment/assessments/<int:pk>/evidence/new/", views.evidence_add, name="evidence-add"),
    path("assessment/evidence/<int:pk>/", views.evidence_file, name="evidence-file"),
    path("assessment/evidence/<int:pk>/remove/", views.evidence_remove, name="evidence-remove"),
    path("assessment/assessments/<int:pk>/moderate/", views.assessment_moderate, name="assessment-moderate"),
    path("assessment/assessments/<int:pk>/do/<str:action>/", views.assessment_transition, name="assessment-transition"),
    path("assessment/assessments/<int:pk>/benchmark/", views.assessment_benchmark, name="assessment-benchmark"),
    path("assessment/actions/<int:pk>/", views.action_edit, name="action-edit"),
    path("surveys/", views.survey_list, name="survey-list"),
    path("surveys/partnerships/<slug:slug>/new/", views.survey_create, name="survey-create"),
    path("surveys/<int:pk>/", views.survey_detail, name="survey-detail"),
    path("surveys/<int:pk>/questions/new/", views.question_add, name="question-add"),
    path("surveys/<int:pk>/waves/new/", views.wave_open, name="wave-open"),
    path("surveys/<int:pk>/results/", views.survey_results, name="survey-results"),
    path("surveys/waves/<int:pk>/close/", views.wave_close, name="wave-close"),
    path("surveys/waves/<int:pk>/remind/", views.wave_remind, name="wave-remind"),
    path("surveys/waves/<int:pk>/answer/", views.answer, name="answer"),
    path("surveys/s/<str:token>/", views.client_answer, name="client-answer"),
]
