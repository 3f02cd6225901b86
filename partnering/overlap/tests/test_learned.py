"""The learned matcher, its answers and its questions, without a database."""

import csv
from pathlib import Path

import numpy as np
import pytest

from partnering.overlap.__main__ import main
from partnering.overlap.matching import Record, cluster, learned
from partnering.overlap.matching.engine import is_sure, questions, score_candidates
from partnering.overlap.matching.learned import Label, bindings, model_for

EVAL = Path(__file__).resolve().parents[3] / "tests" / "data" / "overlap_eval.csv"

RECORDS = [
    Record("1", "North", "Managing sickness absence"),
    Record("2", "South", "Managing attendance"),
    Record("3", "East", "Attendance management for managers"),
    Record("4", "North", "Excel pivot tables"),
    Record("5", "South", "Excel for beginners"),
    Record("6", "East", "Microsoft Excel - introduction"),
    Record("7", "West", "Fire warden"),
    Record("8", "North", "Fire marshal training"),
]


def test_training_is_reproducible():
    first, second = learned.train(), learned.train()
    vectors = learned._built_in_vectors("built_in_wales")[0][:200]
    assert np.array_equal(first.probability(vectors), second.probability(vectors))


def test_the_second_stage_trains_reproducibly_on_sets_scored_by_a_first_stage_that_never_saw_them():
    sets = ("built_in_england", "built_in_wales")
    first = learned.train(sets=sets)
    learned.rivals_of.cache_clear()
    learned._first_stage.cache_clear()
    second = learned.train(sets=sets)
    assert first.rivals is not second.rivals
    vectors, _truths = learned._built_in_vectors("built_in_wales", ("built_in_england",))
    _base, _t, _d, pairs, councils = learned._built_in_pairs("built_in_wales")
    probability = first.probability(vectors)
    assert np.array_equal(first.weigh_rivals(pairs, councils, probability), second.weigh_rivals(pairs, councils, probability))
    assert not np.array_equal(first.weigh_rivals(pairs, councils, probability), probability)
    assert learned.train(sets=["built_in_wales"]).rivals is None  # one set: no set left to score it on


def test_each_pair_is_weighed_against_the_best_other_line_of_each_others_council():
    # Line 0 (council A) against lines 1 and 2 (both council B) and line 3 (council C).
    pairs, councils, probability = [(0, 1), (0, 2), (0, 3)], ["A", "B", "B", "C"], [0.6, 0.9, 0.4]
    rows = learned.rival_matrix(pairs, councils, probability)
    assert dict(zip(learned.RIVAL_FEATURES, rows[0], strict=True)) == pytest.approx({
        "probability": 0.6, "margin over the first line's rival": -0.3, "margin over the second line's rival": np.nan,
        "smaller margin": -0.3, "each is the other's best in its council": 0.0, "stronger rival": 0.9}, nan_ok=True)
    assert rows[1][1] == pytest.approx(0.3) and rows[1][4] == 1.0  # line 2 is line 0's best in council B, and the reverse
    assert np.isnan(rows[2][1]) and np.isnan(rows[2][2]) and rows[2][4] == 1.0  # nothing else in A or C to compare


def test_labels_bind_a_yes_joins_the_pair():
    labels = [Label("1", "2", True)]
    must, cannot = bindings(labels)
    result = cluster(RECORDS, model=model_for(RECORDS, labels), must_link=must, cannot_link=cannot)
    assert result.clusters["1"] == result.clusters["2"]


def test_a_no_is_never_overridden_by_the_model_or_through_a_third_line():
    labels = [Label("7", "8", False)]
    must, cannot = bindings(labels)
    records = [*RECORDS, Record("9", "South", "Fire warden"), Record("10", "East", "Fire marshal")]
    result = cluster(records, model=model_for(records, labels), must_link=[*must, ("9", "7"), ("9", "8")], cannot_link=cannot)
    assert result.clusters["7"] != result.clusters["8"]


def test_questions_never_repeat_an_answered_pair_and_never_pair_a_council_with_itself():
    records, _labels = learned.read_training_csv(EVAL)
    council = {r.record_id: r.council for r in records}
    first = questions(records, count=10)
    assert len(first) == 10 and all(council[a] != council[b] for a, b in first)
    answered = [Label(a, b, True) for a, b in first]
    second = questions(records, count=10, labels=answered, model=model_for(records, answered))
    assert not {frozenset(p) for p in first} & {frozenset(p) for p in second}
    assert all(council[a] != council[b] for a, b in second)


def test_questions_are_only_about_pairs_the_model_is_unsure_of_so_they_run_out():
    records, _labels = learned.read_training_csv(EVAL)
    scored = score_candidates(records)
    probability = {frozenset((rid_a, rid_b)): p for (i, j), p in zip(scored.pairs, scored.scores, strict=True)
                   for rid_a in scored.keys[scored.key_list[i]] for rid_b in scored.keys[scored.key_list[j]]}
    asked = questions(records, count=len(scored.pairs))
    unsure = sum(1 for p in scored.scores if not is_sure(p))
    assert 0 < len(asked) <= unsure < len(scored.pairs)
    assert not any(is_sure(probability[frozenset(pair)]) for pair in asked)


def test_questions_are_the_same_for_the_same_records_in_any_order():
    records, _labels = learned.read_training_csv(EVAL)
    assert questions(records, count=5) == questions(list(reversed(records)), count=5)


def test_answers_retrain_the_model():
    labels = [Label("1", "2", True), Label("4", "5", False)]
    vectors = learned._built_in_vectors("built_in_wales")[0][:200]
    assert not np.array_equal(model_for(RECORDS, labels).probability(vectors), learned.default_model().probability(vectors))


def _write(path: Path, rows):
    with path.open("w", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_the_command_line_clusters_with_labels_and_writes_questions(tmp_path):
    records = _write(tmp_path / "in.csv", [["record_id", "council", "title"], *[[r.record_id, r.council, r.title] for r in RECORDS]])
    labels = _write(tmp_path / "labels.csv", [["record_a", "record_b", "same"], ["1", "2", "yes"], ["7", "8", "no"]])
    out = tmp_path / "out.csv"
    assert main(["cluster", str(records), "--out", str(out), "--labels", str(labels)]) == 0
    clusters = dict(row for row in csv.reader(out.open()))
    assert clusters["1"] == clusters["2"] and clusters["7"] != clusters["8"]


def test_the_command_line_writes_questions_never_about_a_labelled_pair(tmp_path):
    eval_records, _truth = learned.read_training_csv(EVAL)
    records = _write(tmp_path / "in.csv", [["record_id", "council", "title"], *[[r.record_id, r.council, r.title] for r in eval_records]])
    labelled = questions(eval_records, count=2)
    labels = _write(tmp_path / "labels.csv", [["record_a", "record_b", "same"], *[[a, b, "no"] for a, b in labelled]])
    asked = tmp_path / "q.csv"
    assert main(["questions", str(records), "--labels", str(labels), "--count", "3", "--out", str(asked)]) == 0
    rows = list(csv.reader(asked.open()))
    assert rows[0] == ["record_a", "record_b"] and len(rows) - 1 == 3
    council = {r.record_id: r.council for r in eval_records}
    assert all(council[a] != council[b] and {a, b} not in [set(pair) for pair in labelled] for a, b in rows[1:])


@pytest.mark.parametrize("content, message", [
    ("a,b,same\n1,2,yes\n", "missing column(s) record_a, record_b"),
    ("record_a,record_b,same\n1,99,yes\n", "row 2, column record_b: '99' is not a record_id"),
    ("record_a,record_b,same\n1,2,maybe\n", "row 2, column same: 'maybe' must be yes or no"),
    ("record_a,record_b,same\n1,1,no\n", "row 2, column record_b: a record cannot be labelled against itself"),
])
def test_bad_labels_exit_2_naming_the_file_row_and_column(tmp_path, capsys, content, message):
    records = _write(tmp_path / "in.csv", [["record_id", "council", "title"], *[[r.record_id, r.council, r.title] for r in RECORDS]])
    labels = tmp_path / "labels.csv"
    labels.write_text(content)
    assert main(["cluster", str(records), "--out", str(tmp_path / "o.csv"), "--labels", str(labels)]) == 2
    assert main(["questions", str(records), "--labels", str(labels), "--count", "2", "--out", str(tmp_path / "q.csv")]) == 2
    err = capsys.readouterr().err
    assert str(labels) in err and message in err


def test_questions_needs_a_positive_count(tmp_path, capsys):
    records = _write(tmp_path / "in.csv", [["record_id", "council", "title"], ["1", "A", "X"]])
    assert main(["questions", str(records), "--count", "0", "--out", str(tmp_path / "q.csv")]) == 2


def test_training_gives_the_same_model_in_processes_with_different_hash_seeds(tmp_path):
    import os
    import subprocess
    import sys

    root = str(Path(__file__).resolve().parents[3])
    code = (f"import sys; sys.path.insert(0, {root!r}); from partnering.overlap.matching import learned; "
            "v = learned._built_in_vectors('built_in_wales')[0][:300]; print(learned.train().probability(v).round(12).tolist())")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outputs) == 1


def test_a_yes_answer_teaches_the_words_that_differ_as_names_for_each_other_for_other_lines():
    from partnering.overlap.matching import Record, cluster
    from partnering.overlap.matching.learned import answer_synonyms

    # Words no built-in set pairs, so only the answer can teach them (the built-in sets already teach absence / attendance).
    records = [Record("1", "A", "Managing Lateness"), Record("2", "B", "Managing Timekeeping"),
               Record("3", "C", "Lateness for Managers"), Record("4", "D", "Timekeeping for Managers"),
               Record("5", "E", "Excel for Beginners")]
    assert answer_synonyms(records, [("1", "2")]) == {"timekeeping": "lateness"}
    assert cluster(records).clusters["3"] != cluster(records).clusters["4"]
    taught = cluster(records, must_link=[("1", "2")]).clusters
    assert taught["3"] == taught["4"] and taught["5"] not in (taught["3"], taught["1"])


def test_an_answer_never_teaches_a_level_or_an_audience_as_a_name():
    from partnering.overlap.matching import Record
    from partnering.overlap.matching.learned import answer_synonyms

    records = [Record("1", "A", "Safeguarding Level 2"), Record("2", "B", "Safeguarding Level 3"),
               Record("3", "C", "Budgets for Managers"), Record("4", "D", "Budgets for Members")]
    assert answer_synonyms(records, [("1", "2"), ("3", "4")]) == {}
    assert answer_synonyms(records, [("1", "2")], synonyms={"level 3": "level 2"}) == {}


def test_associations_are_learned_from_labelled_pairs_not_listed():
    diffs = [(frozenset({"absenc"}), frozenset({"attendanc"}))] * 3 + [(frozenset({"adult"}), frozenset({"children"}))] * 4
    truths = [1, 1, 1, 0, 0, 0, 0]
    associations = learned.Associations.learn(diffs, truths)
    assert associations.strength("attendanc", "absenc") == 3 / 4
    assert associations.strength("adult", "children") == 0
    assert associations.strength("budget", "financ") == 0  # never seen: nothing learned
    columns = associations.columns([diffs[0], diffs[-1], (frozenset(), frozenset({"x"}))])
    assert columns[0].tolist() == [0.75, 0.75] and columns[1].tolist() == [0, 0] and columns[2].tolist() == [0, 0]


def test_a_built_in_sets_association_features_never_come_from_that_set_itself():
    alone, _truths = learned._built_in_vectors("built_in_wales", ())
    assert not alone[:, -2:].any()  # with no other set to learn from, the set teaches its own pairs nothing
    others = tuple(n for n in learned.built_in_sets() if n != "built_in_wales")
    vectors, _truths = learned._built_in_vectors("built_in_wales")
    expected = learned.associations_of(others).columns(learned._built_in_pairs("built_in_wales")[2])
    assert np.array_equal(vectors[:, -2:], expected) and vectors[:, -2:].any()


def test_lines_sharing_no_word_are_compared_when_a_learned_association_links_them():
    from partnering.overlap.matching.engine import score_candidates

    records = [Record("1", "A", "Lateness"), Record("2", "B", "Timekeeping"), Record("3", "C", "Excel")]
    default = learned.default_model()
    assert not score_candidates(records, model=learned.PairModel(default.estimator)).pairs
    taught = learned.Associations.learn([(frozenset({"lateness"}), frozenset({"timekeep"}))] * 8, [1] * 8)
    scored = score_candidates(records, model=learned.PairModel(default.estimator, taught))
    assert [{scored.keys[scored.key_list[i]][0], scored.keys[scored.key_list[j]][0]} for i, j in scored.pairs] == [{"1", "2"}]


@pytest.mark.parametrize("name, councils", [("built_in_uk_paraphrase", 17), ("built_in_england_services", 18),
                                            ("built_in_celtic_nations", 16)])
def test_a_written_training_set_is_what_its_builder_writes(name, councils):
    import importlib.util

    path = learned.DATA / f"build_{name}.py"
    spec = importlib.util.spec_from_file_location(f"build_{name}", path)
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    with (learned.DATA / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
        written = list(csv.DictReader(handle))
    assert written == [{k: str(v) for k, v in row.items()} for row in builder.rows()]
    assert len({row["council"] for row in written}) == councils and len(written) > 400
