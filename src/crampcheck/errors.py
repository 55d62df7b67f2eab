"""One exception tree for crampcheck.

::

    CrampcheckError                  every error crampcheck raises on purpose
    ├── KnowledgeBaseError           a data file cannot be read or parsed
    ├── UserInputError               the person gave input we cannot use
    │   ├── DiaryInputError          a diary entry, profile or import file fails
    │   │                            validation; lists every problem (exit code 2)
    │   ├── NotFoundError            no such interview or episode (or not yours)
    │   └── ConflictError            an answer to a question that is no longer asked
    └── StorageError                 the diary database cannot be opened, migrated
                                     or written (exit code 1)

Every message says what went wrong, with which value, and what to do next.
"""

from __future__ import annotations


class CrampcheckError(Exception):
    """Base class for every error crampcheck raises on purpose."""


class KnowledgeBaseError(CrampcheckError):
    """A knowledge-base file cannot be read or does not match the schema."""


class UserInputError(CrampcheckError):
    """Input from the person (an id, a file, an option) cannot be used."""


class DiaryInputError(UserInputError):
    """Diary input (an episode, the profile, an import file) fails validation.

    ``problems`` holds one line per problem, each naming the line (for files),
    the field, the value and what to do; nothing was written.
    """

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__("\n".join((message, *(f"  {p}" for p in problems))))
        self.problems = problems


class StorageError(CrampcheckError):
    """The diary database cannot be reached, opened, migrated or written."""


class NotFoundError(UserInputError):
    """The thing asked for does not exist, or belongs to someone else (HTTP 404)."""


class ConflictError(UserInputError):
    """The request no longer fits the current state, e.g. an answer to an old question."""


class EpisodeNotFoundError(DiaryInputError, NotFoundError):
    """No diary episode with that id (in this person's diary)."""
