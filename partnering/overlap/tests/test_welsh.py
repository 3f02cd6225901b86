"""Titles written in Welsh are read in English words, mutations and all, and English titles are left alone."""

from partnering.overlap.matching import Record, cluster, normalise_title
from partnering.overlap.matching.welsh import to_english


def test_a_welsh_title_reads_as_english_words_even_after_mutation():
    assert to_english("iechyd meddwl i reolwyr".split()) == ["mental", "health", "for", "managers"]
    assert to_english("symud a thrin pobl".split()) == ["moving", "and", "handling", "people"]
    assert to_english("delio â chwsmeriaid anodd".split()) == ["dealing", "with", "customers", "difficult"]


def test_a_phrase_is_read_whole_before_its_words():
    assert to_english("cam drin domestig".split()) == ["domestic", "abuse"]
    assert to_english("codi a chario".split()) == ["manual", "handling"]


def test_an_english_title_with_a_word_that_is_also_welsh_is_left_alone():
    assert to_english("plant operator safety".split()) == ["plant", "operator", "safety"]
    assert to_english("data protection".split()) == ["data", "protection"]


def test_the_glossary_names_a_welsh_title_before_the_word_list_does():
    assert normalise_title("Rheoli Amser", synonyms={"rheoli amser": "personal effectiveness"}) == ["personal", "effectiveness"]


def test_a_welsh_only_title_is_grouped_with_its_english_equivalent_without_labels():
    records = [Record("1", "Gwynedd", "Iechyd Meddwl i Reolwyr"), Record("2", "Leeds", "Mental Health for Managers"),
               Record("3", "Fife", "Excel for Beginners"), Record("4", "Ceredigion", "Hylendid Bwyd")]
    clusters = cluster(records).clusters
    assert clusters["1"] == clusters["2"]
    assert len({clusters["2"], clusters["3"], clusters["4"]}) == 3
