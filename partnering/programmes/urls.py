from django.urls import path

from . import views

app_name = "programmes"

urlpatterns = [
    path("programmes/", views.home, name="home"),
    path("programmes/organisations/", views.organisations, name="organisations"),
    path("programmes/organisations/new/", views.organisation_create, name="organisation-create"),
    path("programmes/partnerships/<slug:slug>/new/", views.programme_create, name="programme-create"),
    path("programmes/partnerships/<slug:slug>/agreements/", views.agreements, name="agreements"),
    path("programmes/partnerships/<slug:slug>/agreements/new/", views.agreement_create, name="agreement-create"),
    path("programmes/partnerships/<slug:slug>/scrutiny-members/", views.scrutiny_members, name="scrutiny-members"),
    path("programmes/partnerships/<slug:slug>/newsletters/", views.newsletters, name="newsletters"),
    path("programmes/partnerships/<slug:slug>/newsletters/new/", views.newsletter_create, name="newsletter-create"),
    path("programmes/projects/<int:pk>/", views.project, name="project"),
    path("programmes/projects/<int:pk>/edit/", views.project_edit, name="project-edit"),
    path("programmes/projects/<int:pk>/publish/", views.publish, name="publish"),
    path("programmes/projects/<int:pk>/<str:what>/new/", views.project_add, name="project-add"),
    path("programmes/projects/<int:pk>/<str:what>/<int:entry>/remove/", views.entry_remove, name="entry-remove"),
    path("programmes/milestones/<int:pk>/", views.milestone_update, name="milestone-update"),
    path("programmes/decisions/<int:pk>/sign-off/", views.signoff, name="signoff"),
    path("programmes/results/<int:pk>/indicators/new/", views.indicator_create, name="indicator-create"),
    path("programmes/indicators/<int:pk>/", views.indicator, name="indicator"),
    path("programmes/agreements/<int:pk>/", views.agreement, name="agreement"),
    path("programmes/agreement-versions/<int:pk>/", views.agreement_file, name="agreement-file"),
    path("programmes/questions/<int:pk>/answer/", views.question_answer, name="question-answer"),
    path("programmes/highlights/<int:pk>/", views.highlight, name="highlight"),
    path("programmes/highlights/<int:pk>/pdf/", views.highlight_pdf, name="highlight-pdf"),
    path("programmes/highlights/<int:pk>/send/", views.highlight_send, name="highlight-send"),
    path("programmes/newsletters/<int:pk>/", views.newsletter, name="newsletter"),
    path("programmes/newsletters/<int:pk>/edit/", views.newsletter_edit, name="newsletter-edit"),
    path("programmes/newsletters/<int:pk>/pdf/", views.newsletter_pdf, name="newsletter-pdf"),
    path("programmes/newsletters/<int:pk>/send/", views.newsletter_send, name="newsletter-send"),
    path("programmes/<slug:slug>/", views.programme, name="programme"),
    path("programmes/<slug:slug>/edit/", views.programme_edit, name="programme-edit"),
    path("programmes/<slug:slug>/projects/new/", views.project_create, name="project-create"),
    path("programmes/<slug:slug>/scrutiny/", views.scrutiny, name="scrutiny"),
    path("programmes/<slug:slug>/highlights/new/", views.highlight_create, name="highlight-create"),
]
