"""The demo's self-assessments and surveys, entered through the assessment services (`partnering.assessment.services`)
by the demo coordinator and the councils' demo leads, as they would on the pages:

- the built-in frameworks and the 2015 survey of shared-management partnerships as a published benchmark (installed by
  the app's migration; installed again here, which changes nothing);
- the South West Wales network councils' own HR policy integration self-assessments for 2025, with evidence (links,
  notes and a document) and moderation: five agreed and shared (Swansea moderated by Neath Port Talbot's lead,
  Pembrokeshire by Ceredigion's, the others by the coordinator), Ceredigion's submitted and waiting for Powys's lead to
  moderate it, and Powys's still a draft. Each agreed council's benchmark hides the partner figure (four other councils:
  fewer than five); Powys's shows it (five);
- a change-fatigue pulse survey of the network's leads and trainers in two waves (spring and autumn 2025), answered by
  a few people in each council: in each wave some councils have fewer than five answers, so they, and the next smallest,
  show as "too few to show";
- a client-satisfaction survey of the North Wales legal service (March 2013, answered through its link): 48 of 50
  clients rated it good or excellent, 96%, which is fed through the programmes' survey hook into the legal project's
  indicator "Clients rating the service good or excellent".

Loading twice changes nothing: each assessment and survey is made once, by its title.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.apps import apps
from django.core.files.base import ContentFile

from partnering.assessment import builtins, services
from partnering.assessment.models import Assessment, Framework, Survey
from partnering.organisations.reference import slugify
from partnering.people.models import Person

NETWORK = "South West Wales Workforce Development Network"
LEGAL = "North Wales Legal Services Collaboration"
DOMAIN = "demo.test"
SEED = 20161
D = Decimal

ASSESSMENT_TITLE = "HR policy integration, 2025"
AGREED_ON = datetime.date(2025, 6, 30)
# Each council's scores for the ten HR policy areas (in the framework's order: workforce planning, recruitment, pay,
# other terms, senior training, other training, employee relations, performance, HR systems and payroll, contracts),
# where it got to, who moderated it ("" for the coordinator), and a moderated score (position, score, why) or None.
HR_SELF = (
    ("swansea", (3, 4, 2, 2, 4, 4, 3, 3, 2, 3), "agreed", "neath-port-talbot", (3, 1, "Pay is still each council's own: no joint pay policy yet.")),
    ("neath-port-talbot", (3, 3, 2, 2, 4, 5, 3, 3, 3, 2), "agreed", "", None),
    ("bridgend", (2, 3, 1, 2, 3, 4, 3, 2, 2, 2), "agreed", "", (6, 3, "The shared L&D offer covers most staff, not all.")),
    ("carmarthenshire", (3, 3, 2, 3, 4, 4, 4, 3, 2, 3), "agreed", "", None),
    ("pembrokeshire", (2, 2, 1, 1, 3, 4, 2, 2, 1, 2), "agreed", "ceredigion", None),
    ("ceredigion", (2, 3, 2, 2, 3, 3, 3, 2, 2, 2), "submitted", "powys", None),
    ("powys", (3, 2, 2, 2, 3, 4, None, None, None, None), "draft", "", None),
)

SURVEY_TITLE = "Change fatigue pulse"
WAVES = ((datetime.date(2025, 3, 3), datetime.date(2025, 3, 28)), (datetime.date(2025, 9, 1), datetime.date(2025, 9, 26)))
# How many of each council's invited people answer each wave: some fewer than five, so suppression shows.
ANSWERS = {
    "swansea": (7, 8), "neath-port-talbot": (6, 7), "carmarthenshire": (6, 5), "bridgend": (5, 3),
    "pembrokeshire": (3, 6), "ceredigion": (2, 2), "powys": (1, 5),
}
# Wave 2 is a little better: the average score each council's answers lean to, wave by wave.
LEANING = {"swansea": (3, 4), "neath-port-talbot": (2, 3), "carmarthenshire": (3, 3), "bridgend": (2, 3),
           "pembrokeshire": (2, 3), "ceredigion": (3, 3), "powys": (2, 4)}
COMMENTS = ("Fewer restructures at once.", "More notice before changes to rotas.", "Tell us why, not only what.",
            "Time to learn the new system before the next one.", "Managers who ask before deciding.",
            "A single place to find what is changing.", "Keep the team together through the change.")

CLIENT_TITLE = "Legal services: client satisfaction 2012/13"
CLIENT_WAVE = (datetime.date(2013, 3, 4), datetime.date(2013, 3, 31))
CLIENT_RATINGS = ("Excellent",) * 30 + ("Good",) * 18 + ("Fair",) * 2  # 48 of 50 good or excellent: 96%
INDICATOR = "Clients rating the service good or excellent"


@dataclass
class AssessmentSummary:
    added: int = 0  # assessments, surveys and their answers added this time


def _person(local: str) -> Person:
    return Person.objects.get(email=f"{local}@{DOMAIN}")


def _hr_assessments(network, councils, coordinator, summary) -> None:
    framework = Framework.objects.get(key="hr-policy-integration")
    criteria = list(framework.current_version().criteria.order_by("position"))
    for slug, values, state, moderator, moderated in HR_SELF:
        council = councils[slug]
        if Assessment.objects.filter(council=council, partnership=network, title=ASSESSMENT_TITLE).exists():
            continue
        lead = _person(f"lead.{slug}")
        assessment = services.start_assessment(framework=framework, actor=lead, partnership=network, council=council, title=ASSESSMENT_TITLE,
                                                moderator_council=councils[moderator] if moderator else None)
        summary.added += 1
        services.save_scores(assessment=assessment, actor=lead, scores={
            c.pk: (D(v) if v is not None else None, "Our own view, from the policy register." if v is not None else "")
            for c, v in zip(criteria, values, strict=True)})
        services.add_evidence(assessment=assessment, actor=lead, criterion=criteria[0], kind="link", title="Workforce plan 2024–27",
                              url=f"https://{slug}.demo.test/workforce-plan")
        services.add_evidence(assessment=assessment, actor=lead, criterion=criteria[2], kind="note", title="Pay policies compared",
                              note="Each council keeps its own pay policy; the grading schemes were compared in 2024.")
        if slug == "swansea":
            services.add_evidence(assessment=assessment, actor=lead, criterion=criteria[5], kind="document", title="Shared L&D offer",
                                  file=ContentFile(b"The network's shared learning and development offer, 2025.", name="shared-ld-offer.txt"))
        if state == "draft":
            continue
        services.submit(assessment=assessment, actor=lead)
        if state == "submitted":
            continue
        moderator_person = _person(f"lead.{moderator}") if moderator else coordinator
        changes = {criteria[moderated[0] - 1].pk: (D(moderated[1]), moderated[2])} if moderated else {}
        services.moderate(assessment=assessment, actor=moderator_person, scores=changes,
                          view="The evidence supports the scores." if not moderated else "Mostly supported; one score lowered, see the comment.")
        services.agree(assessment=assessment, actor=lead, today=AGREED_ON)
        services.set_shared(assessment=assessment, actor=lead, shared=True)


def _pulse(network, councils, coordinator, summary) -> None:
    if Survey.objects.filter(partnership=network, title=SURVEY_TITLE).exists():
        return
    from partnering.assessment.models import BankQuestion, Invitation

    survey = services.create_survey(partnership=network, actor=coordinator, title=SURVEY_TITLE, kind=Survey.Kind.CHANGE_FATIGUE,
                                    audience=Survey.Audience.STAFF, roles=["lead", "trainer"],
                                    introduction="Three questions on how change feels in your work, twice a year.",
                                    councils=[councils[slug] for slug in ANSWERS])
    summary.added += 1
    for question in BankQuestion.objects.filter(topic=BankQuestion.Topic.CHANGE_FATIGUE).order_by("pk"):
        services.add_question(survey=survey, actor=coordinator, from_bank=question)
    questions = list(survey.questions.order_by("position"))
    rng = random.Random(SEED)
    for number, (opens_on, closes_on) in enumerate(WAVES):
        wave = services.open_wave(survey=survey, actor=coordinator, opens_on=opens_on, closes_on=closes_on)
        day = opens_on + datetime.timedelta(days=3)
        for slug, counts in ANSWERS.items():
            invited = Invitation.objects.filter(wave=wave, council=councils[slug]).select_related("person").order_by("person__email")
            for invitation in list(invited)[: counts[number]]:
                answers = {}
                for question in questions:
                    if question.kind == "likert":
                        answers[question.pk] = str(max(1, min(5, LEANING[slug][number] + rng.choice((-1, 0, 0, 1)))))
                    elif rng.random() < 0.5:
                        answers[question.pk] = rng.choice(COMMENTS)
                services.answer(wave=wave, person=invitation.person, answers=answers, today=day)
                summary.added += 1


def _clients(legal, coordinator, summary):
    survey = Survey.objects.filter(partnership=legal, title=CLIENT_TITLE).first()
    if survey is None:
        from partnering.assessment.models import BankQuestion

        survey = services.create_survey(partnership=legal, actor=coordinator, title=CLIENT_TITLE, kind=Survey.Kind.SATISFACTION,
                                        audience=Survey.Audience.CLIENTS, service="Regional legal service",
                                        introduction="How did the legal service do for you?")
        summary.added += 1
        for question in BankQuestion.objects.filter(topic=BankQuestion.Topic.SATISFACTION).order_by("pk"):
            services.add_question(survey=survey, actor=coordinator, from_bank=question)
        rating, recommend, better = survey.questions.order_by("position")
        services.open_wave(survey=survey, actor=coordinator, opens_on=CLIENT_WAVE[0], closes_on=CLIENT_WAVE[1])
        rng = random.Random(SEED + 1)
        for number, choice in enumerate(CLIENT_RATINGS):
            answers = {rating.pk: choice, recommend.pk: str({"Excellent": rng.choice((9, 10)), "Good": rng.choice((7, 8, 9)),
                                                            "Fair": rng.choice((4, 5, 6))}[choice])}
            if number % 5 == 0:
                answers[better.pk] = rng.choice(("Quicker replies by email.", "Nothing: very helpful.", "Clearer letters.",
                                                 "One named lawyer throughout."))
            services.answer_as_client(survey=survey, answers=answers, today=CLIENT_WAVE[0] + datetime.timedelta(days=number % 20))
            summary.added += 1
    _feed_indicator(survey, coordinator, summary)
    return survey


def _feed_indicator(survey, coordinator, summary) -> None:
    """The share rating the service good or excellent becomes the legal project's indicator, through the survey hook."""
    from partnering.programmes import services as programmes
    from partnering.programmes.models import Indicator

    indicator = Indicator.objects.filter(title=INDICATOR, source=Indicator.Source.SURVEY).first()
    rating = survey.questions.order_by("position").first()
    share = services.share_at_or_above(survey, rating, "Good", today=CLIENT_WAVE[1] + datetime.timedelta(days=1))
    if indicator is None or share is None:
        return
    good, answered = share
    label = f"{survey.title}: {good} of {answered} rated it good or excellent"
    if indicator.survey_label == label:
        return
    value = (D(100) * good / answered).quantize(D("0.01"))
    programmes.set_indicator_from_survey(indicator=indicator, actor=coordinator, value=value, as_of=CLIENT_WAVE[1], label=label)
    summary.added += 1


def load_assessment(partnerships, councils, *, actor) -> AssessmentSummary:
    """partnerships and councils by slug; actor: the demo coordinator (of the network and the legal collaboration)."""
    summary = AssessmentSummary()
    builtins.install(apps.get_model)
    network = partnerships[slugify(NETWORK)]
    _hr_assessments(network, councils, actor, summary)
    _pulse(network, councils, actor, summary)
    _clients(partnerships[slugify(LEGAL)], actor, summary)
    return summary
