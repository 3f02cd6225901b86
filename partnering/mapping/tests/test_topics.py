from partnering.reference.taxonomy import DEFAULT_TOPICS
from partnering.reference.topics import TopicMatcher, TopicTerms

MATCHER = TopicMatcher([TopicTerms(i, name, (cy, *aliases), tuple(keywords)) for i, (name, cy, aliases, keywords) in enumerate(DEFAULT_TOPICS)])
NAMES = [name for name, *_ in DEFAULT_TOPICS]


def topic(text, title=""):
    found, suggested = MATCHER.resolve(text, title)
    return (NAMES[found] if found is not None else None), suggested


def test_a_topic_written_as_its_name_or_an_alias_is_matched_exactly():
    assert topic("Health & Safety") == ("Health and safety", False)
    assert topic("H&S") == ("Health and safety", False)
    assert topic("Cymraeg") == ("Welsh language", False)


def test_a_line_without_a_topic_gets_a_suggestion_from_its_title():
    assert topic("", "Emergency First Aid at Work") == ("First aid", True)
    assert topic(None, "ILM Level 3 Award in Leadership") == ("Leadership and management", True)
    assert topic("", "GDPR Awareness") == ("Information governance", True)


def test_longer_keywords_win_so_mental_health_first_aid_is_wellbeing():
    assert topic("", "Mental Health First Aid")[0] in ("Health and wellbeing", "First aid")
    assert topic("", "Fire Marshal Training") == ("Health and safety", True)


def test_no_keyword_means_no_suggestion():
    assert topic("", "Quarterly gathering") == (None, False)
