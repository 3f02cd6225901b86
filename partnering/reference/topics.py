"""Matching a line of a return to the L&D topic taxonomy (plain Python, no Django).

A topic written in the return is matched to a topic's name or aliases; a line
without one (or with one we do not know) gets a suggestion from keywords in its
title and topic, marked as suggested so the council can accept or change it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("&", " and "))


def _key(text: str) -> str:
    return " ".join(_words(text))


@dataclass(frozen=True)
class TopicTerms:
    id: int
    name: str
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


class TopicMatcher:
    def __init__(self, topics: list[TopicTerms]):
        self._exact_cache: dict[str, int | None] = {}
        self.exact = {}
        for topic in topics:
            for term in (topic.name, *topic.aliases):
                self.exact.setdefault(_key(term), topic.id)
        # Longer keywords first, so "first aid" wins over "aid" and "information governance" over "information".
        self.phrases = sorted(
            ((tuple(_words(k)), topic.id) for topic in topics for k in topic.keywords if _words(k)),
            key=lambda item: -len(item[0]),
        )

    def resolve(self, topic_text: str | None, title: str) -> tuple[int | None, bool]:
        """(topic id, whether it is only a suggestion)."""
        if topic_text:
            # The same few topic words repeat on every line of a return: normalise each once.
            found = self._exact_cache.get(topic_text, -1)
            if found == -1:
                found = self._exact_cache[topic_text] = self.exact.get(_key(topic_text))
            if found is not None:
                return found, False
        suggestion = self.suggest(f"{title} {topic_text or ''}")
        return suggestion, suggestion is not None

    def suggest(self, text: str) -> int | None:
        words = _words(text)
        if not words:
            return None
        present = set(words)
        padded = f" {' '.join(words)} "
        for phrase, topic_id in self.phrases:
            if phrase[0] in present and (len(phrase) == 1 or f" {' '.join(phrase)} " in padded):
                return topic_id
        return None
