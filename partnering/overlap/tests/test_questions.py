"""Questions worth asking, answers that bind and teach the matcher, undoing a decision, and learning from
other partnerships' decisions without ever showing their lines."""

import importlib

import pytest
from django.apps import apps

from partnering.core.models import AuditEntry
from partnering.organisations import services as organisation_services
from partnering.overlap import services
from partnering.overlap.matching import learned
from partnering.overlap.matching.engine import is_sure
from partnering.overlap.matching.learned import Label
from partnering.overlap.models import AnalysisRun, Decision, OverlapGroup, Question
from tests.factories import CouncilFactory, MembershipFactory, PartnershipFactory, PersonFactory, partnership_role

from .test_analysis import HEADERS, NORTH, SOUTH, analyse, share

pytestmark = pytest.mark.django_db

# Lines a new user's returns hold: paraphrases, lines it groups that a coordinator may not, and a pair it is unsure of and
# keeps apart (lone working / personal safety when working alone).
QUESTION_NORTH = [HEADERS,
                  ["Budget management for non-financial managers", "Finance", "classroom", "external", "Acme", "", "", 10, 1, 800],
                  ["Conflict resolution", "Customer service", "classroom", "in-house", "", "", "", 25, 3, 0],
                  ["Dementia awareness", "Health and social care", "classroom", "in-house", "", "", "", 40, 4, 0],
                  ["Challenging customer behaviour", "Customer service", "classroom", "in-house", "", "", "", 30, 3, 0],
                  ["Managing sickness absence", "Management", "classroom", "in-house", "", "", "", 15, 2, 0],
                  ["Report writing", "Communication", "classroom", "external", "Words Ltd", "", "", 12, 1, 600],
                  ["Digital skills for beginners", "IT", "classroom", "external", "Scrum Co", "", "", 10, 2, 900],
                  ["Lone working", "Health and safety", "classroom", "in-house", "", "", "", 11, 1, 0]]
QUESTION_SOUTH = [HEADERS,
                  ["Finance for non-finance managers", "Finance", "classroom", "external", "Bravo", "", "", 8, 1, 900],
                  ["Managing conflict", "Customer service", "classroom", "in-house", "", "", "", 20, 2, 0],
                  ["Dementia friends", "Health and social care", "e-learning", "in-house", "", "", "", 60, "", 0],
                  ["Dealing with difficult customers", "Customer service", "classroom", "in-house", "", "", "", 18, 2, 0],
                  ["Managing attendance", "Management", "classroom", "in-house", "", "", "", 14, 2, 0],
                  ["Effective report writing", "Communication", "classroom", "external", "Words Ltd", "", "", 9, 1, 500],
                  ["Computer skills for beginners", "IT", "classroom", "external", "PM Ltd", "", "", 12, 2, 1000],
                  ["Personal safety when working alone", "Health and safety", "classroom", "in-house", "", "", "", 9, 1, 0]]
SNAPSHOT_FIELDS = {"title", "topic", "provider_name", "accreditation", "level", "duration_hours", "delivery_method"}


@pytest.fixture
def asked(region):
    share(region.north, region.network, QUESTION_NORTH)
    share(region.south, region.network, QUESTION_SOUTH)
    analyse(region)
    return region


@pytest.fixture
def coordinator(asked, sign_in):
    return sign_in(asked.coordinator)


def open_questions(region):
    return Question.objects.filter(partnership=region.network, status=Question.Status.OPEN)


def group_of(line):
    return OverlapGroup.objects.get(members__provision=line)


def together(question):
    return group_of(question.provision_a) == group_of(question.provision_b)


def grouped_question(region):
    """An open question about two lines the analysis put in one group."""
    question = next((q for q in open_questions(region) if together(q)), None)
    assert question, "the analysis should ask about at least one pair it grouped"
    return question


def apart_question(region):
    question = next((q for q in open_questions(region) if not together(q)), None)
    assert question, "the analysis should ask about at least one pair it kept apart"
    return question


def answer(client, question, value):
    return client.post(f"/overlap/questions/{question.pk}/answer/", {"answer": value})


def keys(question):
    return frozenset((question.key_a, question.key_b))


def test_the_analysis_asks_about_pairs_of_shared_lines_it_is_unsure_of_in_different_councils(asked):
    run = AnalysisRun.objects.filter(partnership=asked.network).first()
    questions = list(open_questions(asked))
    assert 0 < len(questions) <= services.QUESTION_COUNT
    assert [q.rank for q in questions] == list(range(1, len(questions) + 1))
    shared = set(services.shared_lines(asked.network, 2025).values_list("pk", flat=True))
    for question in questions:
        assert question.provision_a.council != question.provision_b.council
        assert {question.provision_a_id, question.provision_b_id} <= shared
        assert not is_sure(question.probability)
        assert question.run == run
    assert 0 < run.confidence < 1


def test_the_questions_page_shows_one_question_with_both_lines_and_its_answers(asked, coordinator):
    page = coordinator.get(f"/overlap/partnerships/{asked.network.slug}/questions/?year=2025")
    assert page.status_code == 200
    question = page.context["question"]
    assert question == open_questions(asked).first()
    a, b = question.provision_a, question.provision_b
    html = page.content.decode()
    assert f"Is “{a.title}” ({a.council.short_name}) the same course as “{b.title}” ({b.council.short_name})?" in html
    for text in ("Yes", "No", "Not sure", "Topic", "Method", "Provider", "Accreditation", "Level", "Duration"):
        assert text in html
    assert "Learners" not in html and "Cost" not in html


def test_answering_no_records_a_decision_splits_the_group_and_is_not_asked_again(asked, coordinator):
    question = grouped_question(asked)
    response = answer(coordinator, question, "no")
    assert response.status_code == 302 and response["Location"].endswith(f"/overlap/partnerships/{asked.network.slug}/questions/?year=2025")
    question.refresh_from_db()
    decision = question.decision
    assert question.status == Question.Status.ANSWERED and question.answered_by == asked.coordinator
    assert decision.kind == Decision.Kind.DIFFERENT and decision.decided_by == asked.coordinator
    assert {decision.key_a, decision.key_b} == keys(question)
    assert not together(question)
    assert keys(question) not in {keys(q) for q in open_questions(asked)}
    assert AuditEntry.objects.filter(content_type__model="decision", action="create", actor=asked.coordinator,
                                     partnership=asked.network).exists()
    assert question.provision_a.title in coordinator.get(f"/overlap/partnerships/{asked.network.slug}/decisions/").content.decode()


def test_answering_yes_groups_the_two_lines(asked, coordinator):
    question = apart_question(asked)
    answer(coordinator, question, "yes")
    question.refresh_from_db()
    assert question.decision.kind == Decision.Kind.SAME
    assert together(question)


def test_an_answer_trains_the_next_analysis(asked, coordinator, monkeypatch):
    seen = []
    real = learned.label_vectors

    def spy(records, labels, synonyms=None):
        labels = list(labels)
        seen.append(({r.record_id: r.title for r in records}, labels))
        return real(records, labels, synonyms)

    monkeypatch.setattr(learned, "label_vectors", spy)
    question = grouped_question(asked)
    answer(coordinator, question, "no")
    titles, labels = seen[-1]
    assert Label(str(question.provision_a_id), str(question.provision_b_id), False) in labels


def test_not_sure_is_never_asked_again_even_after_a_reimport(asked, coordinator):
    question = open_questions(asked).first()
    answer(coordinator, question, "not-sure")
    question.refresh_from_db()
    assert question.status == Question.Status.UNSURE and question.decision is None
    assert not Decision.objects.exists()
    assert keys(question) not in {keys(q) for q in open_questions(asked)}
    share(asked.south, asked.network, QUESTION_SOUTH)  # new lines, the same courses
    share(asked.north, asked.network, QUESTION_NORTH)
    run = analyse(asked)
    run.refresh_from_db()
    assert run.status == AnalysisRun.Status.DONE
    assert keys(question) not in {keys(q) for q in open_questions(asked)}


def test_answering_every_question_runs_them_out(asked, coordinator):
    for _ in range(30):
        question = open_questions(asked).first()
        if question is None:
            break
        answer(coordinator, question, "not-sure")
    page = coordinator.get(f"/overlap/partnerships/{asked.network.slug}/questions/?year=2025")
    assert page.context["question"] is None
    assert "No more questions worth asking" in page.content.decode()


def test_a_question_is_answered_once(asked, coordinator):
    question = grouped_question(asked)
    answer(coordinator, question, "no")
    again = answer(coordinator, question, "yes")
    assert again.status_code == 302
    assert Decision.objects.get().kind == Decision.Kind.DIFFERENT
    page = coordinator.get(again["Location"])
    assert "That question has already been answered." in page.content.decode()


def test_an_answer_other_than_yes_no_or_not_sure_gets_a_clear_message(asked, coordinator):
    question = open_questions(asked).first()
    for data in ({}, {"answer": "maybe"}):
        response = coordinator.post(f"/overlap/questions/{question.pk}/answer/", data)
        assert response.status_code == 200
        assert "Choose yes, no or not sure" in response.content.decode()
    question.refresh_from_db()
    assert question.status == Question.Status.OPEN and not Decision.objects.exists()


def test_only_the_partnerships_coordinators_are_asked(asked, client, sign_in):
    question = open_questions(asked).first()
    for person in (asked.lead_north, asked.board_member, asked.staff_outsider):
        client.logout()
        sign_in(person)
        assert client.get(f"/overlap/partnerships/{asked.network.slug}/questions/?year=2025").status_code == 404
        assert answer(client, question, "yes").status_code == 404
        assert "Answer questions" not in client.get(f"/overlap/partnerships/{asked.network.slug}/?year=2025").content.decode()
    question.refresh_from_db()
    assert question.status == Question.Status.OPEN


def test_the_report_says_how_confident_the_grouping_is_and_how_many_questions_are_left(asked, coordinator):
    html = coordinator.get(f"/overlap/partnerships/{asked.network.slug}/?year=2025").content.decode()
    run = AnalysisRun.objects.filter(partnership=asked.network).first()
    assert f"sure of {round(run.confidence * 100)}% of the pairs" in html
    count = open_questions(asked).count()
    assert f"{count} questions are still worth asking" in html or f"{count} question is still worth asking" in html
    assert f"/overlap/partnerships/{asked.network.slug}/questions/?year=2025" in html


def test_undo_removes_the_decision_and_the_group_returns(asked, coordinator):
    question = grouped_question(asked)
    answer(coordinator, question, "no")
    assert not together(question)
    decision = Decision.objects.get()
    decisions_page = coordinator.get(f"/overlap/partnerships/{asked.network.slug}/decisions/").content.decode()
    assert f"/overlap/decisions/{decision.pk}/undo/" in decisions_page
    response = coordinator.post(f"/overlap/decisions/{decision.pk}/undo/")
    assert response.status_code == 302
    assert not Decision.objects.exists()
    assert together(question)
    assert AuditEntry.objects.filter(content_type__model="decision", action="delete", actor=asked.coordinator,
                                     partnership=asked.network).exists()


def test_only_coordinators_undo_decisions(asked, client, sign_in):
    question = grouped_question(asked)
    services.question_answer(question=question, answer=services.NO, actor=asked.coordinator)
    decision = Decision.objects.get()
    for person in (asked.lead_north, asked.board_member):
        client.logout()
        sign_in(person)
        assert client.post(f"/overlap/decisions/{decision.pk}/undo/").status_code == 404
        assert f"/overlap/decisions/{decision.pk}/undo/" not in client.get(f"/overlap/partnerships/{asked.network.slug}/decisions/").content.decode()
    assert Decision.objects.filter(pk=decision.pk).exists()


def test_a_group_shows_each_links_confidence_and_the_answers_that_shaped_it(asked, coordinator):
    question = apart_question(asked)
    answer(coordinator, question, "yes")
    group = group_of(question.provision_a)
    html = coordinator.get(f"/overlap/groups/{group.pk}/").content.decode()
    assert "confidence 100%" in html  # a link a coordinator decided
    assert "Answers that shaped this group" in html
    decision = Decision.objects.get()
    assert f"{decision.label_a} and {decision.label_b}: Equivalent" in html
    other = OverlapGroup.objects.filter(partnership=asked.network, council_count=2).exclude(pk=group.pk).first()
    html = coordinator.get(f"/overlap/groups/{other.pk}/").content.decode()
    assert "Answers that shaped this group" not in html
    assert f"confidence {round(other.explanation[0]['confidence'] * 100)}%" in html


def test_a_decision_keeps_the_lines_titles_and_course_attributes_only(region):
    share(region.north, region.network, NORTH)
    share(region.south, region.network, SOUTH)
    analyse(region)
    services.group_confirm(group=OverlapGroup.objects.get(title__startswith="ILM L3"), actor=region.coordinator)
    decision = Decision.objects.get()
    assert set(decision.line_a) == set(decision.line_b) == SNAPSHOT_FIELDS
    assert {decision.line_a["title"], decision.line_b["title"]} == {"ILM L3 Award - Leadership & Mgmt",
                                                                   "Level 3 ILM Award in Leadership & Management"}
    assert {decision.line_a["accreditation"], decision.line_b["accreditation"]} == {"ILM"}


def test_decisions_made_before_snapshots_take_them_from_the_groups(region):
    share(region.north, region.network, NORTH)
    share(region.south, region.network, SOUTH)
    analyse(region)
    services.group_confirm(group=OverlapGroup.objects.get(title__startswith="ILM L3"), actor=region.coordinator)
    Decision.objects.update(line_a={}, line_b={})
    migration = importlib.import_module("partnering.overlap.migrations.0004_questions_and_decision_snapshots")
    migration.snapshot_existing_decisions(apps, None)
    decision = Decision.objects.get()
    assert set(decision.line_a) == SNAPSHOT_FIELDS and decision.line_b["title"]


# --- Learning from other partnerships ------------------------------------------------------------

ELSEWHERE_A = [HEADERS, ["Zebra husbandry for keepers", "Animal care", "classroom", "external", "Zoo Skills", "", "", 7, 1, 4321],
               ["Llama grooming", "Animal care", "classroom", "in-house", "", "", "", 3, 1, 0]]
ELSEWHERE_B = [HEADERS, ["Zebra care for zoo keepers", "Animal care", "classroom", "external", "Zoo Skills", "", "", 5, 1, 1234],
               ["Alpaca grooming", "Animal care", "classroom", "in-house", "", "", "", 2, 1, 0]]


@pytest.fixture
def elsewhere(asked):
    """Another partnership, with councils of its own, that has made decisions about its own lines."""
    partnership = PartnershipFactory(name="Far Network", slug="far-network")
    east, west = CouncilFactory(short_name="East", name="East Council", slug="east"), CouncilFactory(short_name="West", name="West Council", slug="west")
    for council in (east, west):
        MembershipFactory(partnership=partnership, council=council)
    coordinator = PersonFactory(email="far@example.test", full_name="Far Coordinator")
    partnership_role(coordinator, partnership, "coordinator")
    share(east, partnership, ELSEWHERE_A)
    share(west, partnership, ELSEWHERE_B)
    services.request_analysis(partnership=partnership, year=2025, actor=coordinator)
    groups = list(OverlapGroup.objects.filter(partnership=partnership).order_by("pk"))
    services.group_merge(group=groups[0], other=groups[-1], actor=coordinator)
    assert Decision.objects.filter(partnership=partnership).exists()
    partnership.coordinator = coordinator
    return partnership


def spy_on_training(monkeypatch):
    seen = []
    real = learned.label_vectors

    def spy(records, labels, synonyms=None):
        labels = list(labels)
        by_id = {r.record_id: r.title for r in records}
        seen.append({by_id[x.a] for x in labels} | {by_id[x.b] for x in labels})
        return real(records, labels, synonyms)

    monkeypatch.setattr(learned, "label_vectors", spy)
    return seen


def test_other_partnerships_decisions_train_the_matcher_but_their_lines_never_show(asked, elsewhere, coordinator, monkeypatch):
    theirs = Decision.objects.filter(partnership=elsewhere)
    records, labels = services.training_labels(asked.network)
    assert {f"d{d.pk}a" for d in theirs} <= {x.a for x in labels}
    assert all(r.council == "" for r in records)  # snapshots name no council
    seen = spy_on_training(monkeypatch)
    services.question_answer(question=open_questions(asked).first(), answer=services.NO, actor=asked.coordinator)
    run = analyse(asked)
    run.refresh_from_db()
    assert run.status == AnalysisRun.Status.DONE
    assert any(title.startswith(("Zebra", "Llama", "Alpaca")) for title in seen[-1])  # it learned from them
    # ... and nothing of theirs reaches this partnership's pages or records.
    pages = [f"/overlap/partnerships/{asked.network.slug}/?year=2025", f"/overlap/partnerships/{asked.network.slug}/questions/?year=2025",
             f"/overlap/partnerships/{asked.network.slug}/decisions/", f"/overlap/partnerships/{asked.network.slug}/opportunities/?year=2025"]
    pages += [f"/overlap/groups/{group.pk}/" for group in OverlapGroup.objects.filter(partnership=asked.network)]
    for url in pages:
        html = coordinator.get(url).content.decode()
        for secret in ("Zebra", "Llama", "Alpaca", "East", "West", "Zoo Skills", "4,321", "1,234"):
            assert secret not in html, (url, secret)
    councils = {asked.north.pk, asked.south.pk}
    assert set(OverlapGroup.objects.filter(partnership=asked.network).values_list("members__provision__council", flat=True)) <= councils
    for question in Question.objects.filter(partnership=asked.network):
        assert {question.provision_a.council_id, question.provision_b.council_id} <= councils
    for group in OverlapGroup.objects.filter(partnership=asked.network):
        assert "Zebra" not in str(group.explanation)


def test_a_partnership_that_opts_out_gives_no_decisions_but_still_learns_from_others(asked, elsewhere, monkeypatch):
    services.question_answer(question=open_questions(asked).first(), answer=services.NO, actor=asked.coordinator)
    organisation_services.partnership_set_learning(partnership=elsewhere, learn=False, actor=elsewhere.coordinator)
    _, labels = services.training_labels(asked.network)
    assert not {f"d{d.pk}a" for d in Decision.objects.filter(partnership=elsewhere)} & {x.a for x in labels}
    seen = spy_on_training(monkeypatch)
    run = analyse(asked)
    run.refresh_from_db()
    assert run.status == AnalysisRun.Status.DONE  # what the matcher learns from changed: not skipped
    assert not any(title.startswith(("Zebra", "Llama", "Alpaca")) for title in seen[-1])
    ours = Decision.objects.get(partnership=asked.network)
    _, theirs = services.training_labels(elsewhere)
    assert f"d{ours.pk}a" in {x.a for x in theirs}  # it still learns from partnerships that share
    elsewhere.refresh_from_db()
    assert not elsewhere.learn_from_decisions


def test_a_coordinator_chooses_whether_partnering_learns_from_their_decisions(asked, client, sign_in):
    url = f"/overlap/partnerships/{asked.network.slug}/learning/"
    assert asked.network.learn_from_decisions
    client.logout()
    sign_in(asked.lead_north)
    assert client.post(url, {"year": "2025"}).status_code == 404
    client.logout()
    sign_in(asked.coordinator)
    report = client.get(f"/overlap/partnerships/{asked.network.slug}/?year=2025").content.decode()
    assert "Let Partnering learn from our overlap decisions for every partnership" in report
    response = client.post(url, {"year": "2025"})
    assert response.status_code == 302 and response["Location"].endswith("?year=2025")
    asked.network.refresh_from_db()
    assert not asked.network.learn_from_decisions
    assert AuditEntry.objects.filter(content_type__model="partnership", action="update", actor=asked.coordinator).exists()
    client.post(url, {"year": "2025", "learn_from_decisions": "on"})
    asked.network.refresh_from_db()
    assert asked.network.learn_from_decisions
