"""The one domain error type, with one subclass per exit code of the contract."""

from __future__ import annotations


class EcofactsError(Exception):
    """A problem the user can fix; the CLI prints `error: <message>` and exits with `exit_code`."""

    exit_code = 1

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class NotFoundError(EcofactsError):
    """A name or id that matches nothing."""

    exit_code = 1


class UsageError(EcofactsError):
    """A bad option value or argument."""

    exit_code = 2


class KnowledgeFileError(EcofactsError):
    """The knowledge file cannot be read, parsed or validated, or cannot be written safely."""

    exit_code = 3


class OutputError(EcofactsError):
    """The answer could not be written: stdout closed (`>&-`) or full (`>/dev/full`). Not a reader that went
    away (`| head`), which is a quiet success."""

    exit_code = 4
