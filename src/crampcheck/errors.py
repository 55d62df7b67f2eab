"""One exception tree for crampcheck.

::

    CrampcheckError                  every error crampcheck raises on purpose
    ├── KnowledgeBaseError           a data file cannot be read or parsed
    └── UserInputError               the person gave input we cannot use

Every message says what went wrong, with which value, and what to do next.
"""

from __future__ import annotations


class CrampcheckError(Exception):
    """Base class for every error crampcheck raises on purpose."""


class KnowledgeBaseError(CrampcheckError):
    """A knowledge-base file cannot be read or does not match the schema."""


class UserInputError(CrampcheckError):
    """Input from the person (an id, a file, an option) cannot be used."""
