"""Messages in the reader's language, without making the importer depend on Django.

On its own (the command line, the benchmark) messages are English. The Django app
plugs in its gettext when it starts (`MappingConfig.ready`), so a council officer
reading Welsh pages sees Welsh problems. `makemessages` finds the `_("...")` calls.
"""

from collections.abc import Callable

_translator: Callable[[str], str] | None = None


def _(message: str) -> str:
    return _translator(message) if _translator else message


def use_translator(translator: Callable[[str], str]) -> None:
    global _translator
    _translator = translator
