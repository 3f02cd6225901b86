"""What the matcher learns from the lines it compares, with no labels: acronyms, course codes and dates."""

from partnering.overlap.matching import Record, cluster
from partnering.overlap.matching.lexicon import corpus_acronyms
from partnering.overlap.matching.normalise import strip_noise


def test_an_acronym_in_capitals_is_read_as_the_words_that_spell_it_elsewhere_in_the_lines():
    titles = ["DSE Assessor", "Display Screen Equipment Assessor Course", "Control of Substances Hazardous to Health",
              "COSHH Awareness", "Excel for beginners"]
    assert corpus_acronyms(titles) == {"dse": "display screen equipment", "coshh": "control of substances hazardous to health"}


def test_a_title_all_in_capitals_defines_no_acronym_and_awarding_bodies_are_left_alone():
    titles = ["FIRE WARDEN", "Further Improvement Roles Example", "ILM Level 3", "Institute of Leadership Management"]
    assert corpus_acronyms(titles) == {}


def test_course_codes_and_dates_are_noise_but_levels_and_standards_are_not():
    assert strip_noise("HR/089 Managing Attendance").strip() == "Managing Attendance"
    assert strip_noise("SC631 - AUTISM AWARENESS").strip() == "AUTISM AWARENESS"
    assert strip_noise("ASD Awareness [BCC-SC031]").strip() == "ASD Awareness"
    assert strip_noise("Excel Intro - 08/09/2023").strip(" -") == "Excel Intro"
    assert strip_noise("Coping with Change (w/c 27/06/24)").strip(" ()") == "Coping with Change"
    assert strip_noise("Menopause for Managers – Oct-24").strip(" –") == "Menopause for Managers"
    for kept in ("ILM5 Cert", "L2 Food Hygiene", "ISO 9001 Awareness", "PRINCE2 Practitioner"):
        assert strip_noise(kept) == kept


def test_an_acronym_and_its_expansion_from_different_councils_are_grouped_without_labels():
    records = [Record("1", "North", "DSE Self Assessment"), Record("2", "South", "Display Screen Equipment Self Assessment"),
               Record("3", "East", "Fire Safety Awareness"), Record("4", "West", "Excel for Beginners")]
    clusters = cluster(records).clusters
    assert clusters["1"] == clusters["2"]
    assert len({clusters["2"], clusters["3"], clusters["4"]}) == 3


def test_a_title_in_two_languages_makes_either_half_read_as_one_name():
    from partnering.overlap.matching.lexicon import corpus_bilingual

    names = corpus_bilingual(["Rheoli Amser / Time Management", "Time Management", "Rheoli Amser", "Time Management (half day)"])
    assert names == {"rheoli amser": "time management"}


def test_two_things_listed_with_a_slash_are_not_taken_for_one_name():
    from partnering.overlap.matching.lexicon import corpus_bilingual

    assert corpus_bilingual(["Team Leader / Supervisor Apprenticeship (Level 3)", "Disciplinary / Grievance",
                             "Diogelu Grŵp A / Safeguarding Group B"]) == {}


def test_lines_that_share_no_word_are_still_compared_when_their_character_ngrams_are_near_neighbours():
    from partnering.overlap.matching import engine, learned

    records = [Record("1", "North", "Excel for Beginners"), Record("2", "South", "Excell for beginers"),
               Record("3", "East", "Fire Warden"), Record("4", "West", "Food Hygiene")]
    scored = engine.score_candidates(records)
    compared = {frozenset((scored.representative[i].core, scored.representative[j].core)) for i, j in scored.pairs}
    assert frozenset(("excel beginner", "excell beginer")) in compared
    assert frozenset(("fire warden", "food hygien")) not in compared
    corpus = learned.Corpus(scored.representative)
    assert learned.neighbour_pairs(scored.representative, corpus, k=0) == []
