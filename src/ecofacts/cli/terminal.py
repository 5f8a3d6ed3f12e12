"""The terminal: what stdout and stderr can hold, their width, colour, the pager, and writing to them.

No typer, no global state: a `Terminal` is a small value made for each use from the streams of the moment
(`Terminal.current()`), so that a test can give it fake streams. Errors and notices go to `err`, one line each
in a pipe, wrapped between words in a terminal; data goes to `out`.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterable, Mapping
from typing import Any, NoReturn

from ecofacts.errors import OutputError, UsageError
from ecofacts.render import Target
from ecofacts.safe_text import silence, visible


class Terminal:
    """The standard streams and what the global options chose: `color` False for `--no-color` (None: decided
    by the environment and whether `out` is a terminal), `pager` False for `--no-pager`."""

    def __init__(self, out: Any, err: Any, inp: Any, color: bool | None = None, pager: bool = True,
                 environ: Mapping[str, str] | None = None) -> None:
        self.out, self.err, self.inp = out, err, inp
        self.color, self.pager = color, pager
        self.environ = os.environ if environ is None else environ

    @classmethod
    def current(cls, color: bool | None = None, pager: bool = True) -> Terminal:
        return cls(sys.stdout, sys.stderr, sys.stdin, color, pager)

    # --- what stdout is -------------------------------------------------------------------------------------

    def holds_unicode(self) -> bool:
        try:
            "Liège—█".encode(getattr(self.out, "encoding", None) or "utf-8")  # a StringIO holds any text
            return True
        except (UnicodeEncodeError, LookupError):
            return False

    def use_color(self) -> bool:
        env = self.environ
        if self.color is False or env.get("NO_COLOR") or env.get("TERM") == "dumb":
            return False
        if env.get("FORCE_COLOR"):
            return True
        return bool(self.out.isatty())

    def width(self) -> int | None:
        if self.out.isatty():
            return os.get_terminal_size(self.out.fileno()).columns
        columns = self.environ.get("COLUMNS", "")
        return int(columns) if columns.isdigit() and int(columns) > 20 else None

    def target(self, bars: bool = False, bom: bool = False) -> Target:
        color = self.use_color()
        return Target(ascii_only=not self.holds_unicode(), width=self.width(), color=color, bars=bars and color,
                      bom=bom, screen=bool(self.out.isatty()))

    # --- writing --------------------------------------------------------------------------------------------

    def page(self, text: str) -> bool:
        """Send a long table through $PAGER (default `less -FRX`) when stdout is a terminal; True if it did.

        As git does, `LESS` defaults to `FRX` (one screen is just printed, colours pass, the screen is not
        cleared), and Ctrl-C is the pager's to handle: ecofacts waits for it to end rather than leaving it
        behind reading the terminal."""
        try:  # stdin or stdout closed, or not a terminal: no pager
            if not (self.pager and self.out.isatty() and self.inp is not None and self.inp.isatty()):
                return False
        except (AttributeError, OSError, ValueError):
            return False
        if text.count("\n") < os.get_terminal_size(self.out.fileno()).lines - 1:
            return False
        import shlex
        import signal
        import subprocess

        command = shlex.split(self.environ.get("PAGER") or "less -FRX")
        if not command:
            return False
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            with subprocess.Popen(command, stdin=subprocess.PIPE, encoding=self.out.encoding,
                                  errors="backslashreplace", env={"LESS": "FRX", **self.environ}) as pager:
                assert pager.stdin is not None
                try:
                    pager.stdin.write(text)
                    pager.stdin.close()
                except BrokenPipeError:  # the user quit the pager early
                    pass
                pager.wait()
        except (OSError, ValueError):
            return False
        finally:
            signal.signal(signal.SIGINT, previous)
        return True

    def emit(self, text: str, page: bool = False) -> None:
        """Write data to stdout (a long table through the pager); a closed or full stdout is exit 4."""
        if page and self.page(text):
            return
        if not self.holds_unicode() and hasattr(self.out, "reconfigure"):
            self.out.reconfigure(errors="backslashreplace")
        try:
            self.out.write(text)
            self.out.flush()
        except BrokenPipeError:
            self.quiet_broken_pipe()
        except OSError as exc:  # stdout closed (`>&-`) or full (`>/dev/full`): exit 4, saying so where we can
            silence(self.out)  # what the buffer holds goes nowhere, rather than failing again at exit
            raise OutputError(f"cannot write output: {exc.strerror or exc}") from None

    def emit_utf8(self, chunks: Iterable[bytes]) -> None:
        """Text encoded as UTF-8 in chunks of whole lines (`render.encoded`), written as `emit` writes the text: as
        it is to a stdout that encodes text as UTF-8 and ends lines with "\\n", else decoded and emitted."""
        encoding = getattr(self.out, "encoding", None) or "utf-8"
        if os.linesep == "\n" and codecs.lookup(encoding).name == "utf-8" and not self.out.isatty():
            for chunk in chunks:
                self.emit_bytes(chunk)
        else:
            self.emit(b"".join(chunks).decode("utf-8"), page=True)

    def emit_bytes(self, data: bytes) -> None:
        """Write binary data (a PNG or SVG chart) to stdout as it is; never a PNG to a terminal (exit 2)."""
        if data[:8] == b"\x89PNG\r\n\x1a\n" and self.out.isatty():
            raise UsageError("--format png writes binary data: redirect it to a file (> chart.png)")
        try:
            self.out.flush()
            buffer = getattr(self.out, "buffer", None)
            if buffer is not None:
                buffer.write(data)
                buffer.flush()
            else:
                self.out.write(data.decode("utf-8", errors="surrogateescape"))
                self.out.flush()
        except BrokenPipeError:
            self.quiet_broken_pipe()
        except OSError as exc:
            silence(self.out)
            raise OutputError(f"cannot write output: {exc.strerror or exc}") from None

    def for_stderr(self, text: str) -> str:
        """`text` (lines ending in newlines) as stderr gets it: in a terminal, a line wider than it is wrapped
        between words, so that the terminal does not cut a word or an id in two; elsewhere (a pipe, a file) as
        it is, a message a line."""
        try:
            width = os.get_terminal_size(self.err.fileno()).columns if self.err.isatty() else 0
        except (AttributeError, OSError, ValueError):
            width = 0
        from ecofacts.render.cells import fitted  # only for a message: not at every start

        return fitted(text, width or None)

    def for_stdout(self, text: str) -> str:
        """`text` (lines of prose ending in newlines, not a table) wrapped between words when stdout is a
        terminal, to its width; to a pipe or a file, a line each as it is (COLUMNS or not)."""
        from ecofacts.render.cells import fitted

        return fitted(text, self.width() if self.out.isatty() else None)

    def notice(self, message: str) -> None:
        try:  # a notice that cannot be written changes nothing of what was done (`add`'s record is in the file)
            self.err.write(self.for_stderr(visible(message) + "\n"))
        except OSError:
            silence(self.err)

    def fail(self, message: str, details: list[str]) -> None:
        """`error: MESSAGE` and its detail lines on stderr; a stderr that cannot take them is passed by."""
        text = self.for_stderr(visible(f"error: {message}\n" + "".join(f"{line}\n" for line in details)))
        try:
            self.err.write(text)
            self.err.flush()
        except UnicodeEncodeError:
            try:
                self.err.write(text.encode("ascii", "backslashreplace").decode("ascii"))
            except OSError:
                silence(self.err)
        except OSError:  # stderr closed, full, or its reader gone: the exit code still tells
            silence(self.err)

    def exit(self, code: int) -> NoReturn:
        """End the run with `code`, flushing stdout (output that cannot be written is exit 4)."""
        if code == 130:
            self.fail("interrupted", [])
        try:
            self.out.flush()
        except BrokenPipeError:
            self.quiet_broken_pipe()
        except OSError as exc:
            silence(self.out)
            if code == 0:
                self.fail(f"cannot write output: {exc.strerror or exc}", [])
                code = OutputError.exit_code
        raise SystemExit(code)

    def quiet_broken_pipe(self) -> NoReturn:
        """The reader went away (`| head -1`): stop quietly, as a filter should."""
        silence(self.out)
        raise SystemExit(0)
