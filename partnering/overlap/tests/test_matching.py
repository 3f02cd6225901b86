"""The matching engine, without a database."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnering.overlap.__main__ import main
from partnering.overlap.matching import Record, cluster, explain, features, normalise_title, pairwise_scores
from partnering.overlap.matching.files import CsvProblem, read_records

EVAL = Path(__file__).resolve().parents[3] / "tests" / "data" / "overlap_eval.csv"


@pytest.mark.parametrize("title, words", [
    ("ILM L3 Award - Leadership & Mgmt", "ilm level 3 award leadership management"),
    ("Health & Safety cert", "health safety certificate"),
    ("H&S Awareness", "health safety"),
    ("E&D e-learning", "equality diversity"),
    ("EFAW (1 day)", "emergency first aid work"),
    ("FAW - 3 days", "first aid work"),
    ("MHFA Adult (2 day)", "mental health first aid adult"),
    ("NEBOSH NGC", "nebosh national general certificate"),
    ("Fire Marshal Training", "fire warden"),
    ("Cwrs Mynediad", "welsh entry"),
    ("Managing Safely (IOSH) 6th edition", "managing safely iosh"),
    ("Leadership programme (cohort 2)", "leadership"),
    ("Excel Intermediate 2024/25", "excel intermediate"),
    ("Level three certificate", "level 3 certificate"),
])
def test_titles_are_normalised(title, words):
    assert " ".join(normalise_title(title)) == words


def test_glossary_synonyms_apply_before_the_built_in_rules():
    assert normalise_title("Cyber Ninjas", {"cyber ninjas": "cyber security"}) == ["cyber", "security"]


@pytest.mark.parametrize("title, body, kind, level, audience", [
    ("ILM L3 Award - Leadership & Mgmt", "ILM", "award", "3", None),
    ("CMI Level 5 Diploma", "CMI", "diploma", "5", None),
    ("Budget management for managers", None, None, None, "managers"),
    ("Chairing skills for councillors", None, None, None, "members"),
    ("Menopause awareness for staff", None, None, None, None),
])
def test_features_pick_out_body_qualification_level_and_audience(title, body, kind, level, audience):
    found = features(title)
    assert (found.awarding_body, found.qualification_type, found.level, found.audience) == (body, kind, level, audience)


def test_level_and_body_come_from_their_own_columns_too():
    found = features("Leadership and Management Award", accreditation="ILM", level="L3")
    assert (found.awarding_body, found.level) == ("ILM", "3")


def records(*titles, **fields):
    return [Record(str(n), f"Council {n}", title, **fields) for n, title in enumerate(titles, start=1)]


@pytest.mark.parametrize("a, b", [
    ("ILM Level 3 Award in Leadership and Management", "ILM Level 3 Certificate in Leadership and Management"),
    ("ILM Level 3 Award in Leadership and Management", "ILM Level 5 Award in Leadership and Management"),
    ("ILM Level 5 Award in Leadership and Management", "CMI Level 5 Award in Leadership and Management"),
    ("Emergency First Aid at Work", "First Aid at Work"),
    ("IOSH Working Safely", "IOSH Managing Safely"),
    ("Safeguarding Children Level 1", "Safeguarding Children Level 2"),
    ("Safeguarding Children Level 1", "Safeguarding Adults Level 1"),
    ("Budget management for managers", "Budget management for members"),
    ("NEBOSH National General Certificate", "NEBOSH International General Certificate"),
    ("PRINCE2 Foundation", "PRINCE2 Practitioner"),
])
def test_hard_negatives_never_match(a, b):
    result = cluster(records(a, b))
    assert result.clusters["1"] != result.clusters["2"]
    assert explain(features(a), features(b)).score < 0.86 or features(a).distinguishing != features(b).distinguishing


@pytest.mark.parametrize("a, b", [
    ("ILM L3 Award - Leadership & Mgmt", "Level 3 ILM Award in Leadership & Management"),
    ("Fire Marshal Training", "Fire Warden"),
    ("Child Protection Level 2", "Safeguarding Children L2"),
    ("Moving and Handling", "Manual Handling"),
    ("Attendance Management", "Managing Attendance"),
    ("IOSH Managing Safely 5th edition", "Managing Safely - IOSH (4 day)"),
    ("Cwrs Mynediad", "Welsh for Adults - Mynediad (Entry)"),
])
def test_true_equivalents_match_even_with_few_words_in_common(a, b):
    result = cluster(records(a, b))
    assert result.clusters["1"] == result.clusters["2"]


def test_a_record_with_no_level_cannot_chain_two_levels_together():
    result = cluster(records("Food Hygiene Level 2", "Food Hygiene", "Food Hygiene Level 3"))
    assert result.clusters["1"] != result.clusters["3"]


def test_every_link_is_explained():
    result = cluster([Record("1", "A", "ILM L3 Award - Leadership & Mgmt", topic="Leadership", duration_hours=30),
                      Record("2", "B", "Level 3 ILM Award in Leadership and Management", topic="Leadership", duration_hours=28)])
    why = result.links[("1", "2")]
    assert why.score >= 0.86 and "awarding body (ILM)" in why.agreed and "level (3)" in why.agreed and "topic" in why.agreed
    assert "score" in why.as_text() and "alike" in why.as_text()


def test_explanation_names_what_differed():
    why = explain(features("Excel Intermediate", duration_hours=6, topic="IT"), features("Excel Intermediate", duration_hours=1, topic="Finance"))
    assert set(why.differed) == {"topic", "duration"}


def test_decisions_override_scores():
    titles = ("Excel Intermediate", "Microsoft Excel - Intermediate", "Report Writing")
    assert cluster(records(*titles), cannot_link=[("1", "2")]).clusters["1"] != cluster(records(*titles), cannot_link=[("1", "2")]).clusters["2"]
    merged = cluster(records(*titles), must_link=[("1", "3")])
    assert merged.clusters["1"] == merged.clusters["3"]


def test_a_rejected_pair_is_never_joined_through_a_third_record():
    result = cluster(records("Excel Intermediate", "Intermediate Excel", "MS Excel Intermediate"), cannot_link=[("1", "3")])
    assert result.clusters["1"] != result.clusters["3"]


@settings(max_examples=25, deadline=None)
@given(st.permutations(list(range(60))))
def test_clusters_do_not_depend_on_the_order_of_the_records(order):
    sample, _, _ = read_records(EVAL)
    sample = sample[:60]
    expected = cluster(sample).clusters
    assert cluster([sample[i] for i in order]).clusters == expected


def test_pairwise_scores_count_pairs():
    true = {"1": "a", "2": "a", "3": "b", "4": "b"}
    assert pairwise_scores(true, {"1": "x", "2": "x", "3": "x", "4": "y"}) == {
        "precision": 0.3333, "recall": 0.5, "f1": 0.4, "true_pairs": 2, "predicted_pairs": 3}


def test_quality_on_the_labelled_set_meets_the_target_on_the_held_out_half():
    sample, labels, halves = read_records(EVAL, label_column="cluster")
    holdout = [r for r in sample if halves[r.record_id] == "holdout"]
    predicted = cluster(holdout).clusters
    scores = pairwise_scores({r.record_id: labels[r.record_id] for r in holdout}, predicted)
    assert len(sample) >= 400 and len({r.council for r in sample}) >= 8
    assert scores["f1"] >= 0.92, scores


def test_command_line_clusters_and_evaluates(tmp_path, capsys):
    out = tmp_path / "out.csv"
    assert main(["cluster", str(EVAL), "--out", str(out)]) == 0
    lines = out.read_text().splitlines()
    assert lines[0] == "record_id,cluster_id" and len(lines) == 418
    assert main(["evaluate", str(EVAL)]) == 0
    report = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert report["holdout"]["f1"] >= 0.92


@pytest.mark.parametrize("content, message", [
    ("id,council,title\n1,A,B\n", "missing column(s) record_id"),
    ("record_id,council,title\n1,A,\n", "row 2, column title: empty"),
    ("record_id,council,title\n1,A,X\n1,B,Y\n", "row 3, column record_id: '1' appears twice"),
    ("record_id,council,title,duration_hours\n1,A,X,three\n", "row 2, column duration_hours: 'three' is not a number"),
])
def test_bad_csv_files_say_where(tmp_path, content, message):
    path = tmp_path / "in.csv"
    path.write_text(content)
    with pytest.raises(CsvProblem, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_records(path)
    assert main(["cluster", str(path), "--out", str(tmp_path / "o.csv")]) == 2
