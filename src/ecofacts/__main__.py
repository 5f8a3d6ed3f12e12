"""The process entry point: `ecofacts` (the installed script) and `python -m ecofacts`.

One process runs one command and exits. Reference counting frees what a command is done with; the cyclic
garbage collector, which looks for unreachable reference cycles, finds next to none here (a few hundred objects
per command, typer's and click's, whatever the size of the file), yet it would walk the tens of thousands of
objects that importing typer and rich makes, again and again while they are made and once more at exit: about
6 ms of a 40 ms lookup, 9 ms of a table.
So here, where the process is ours, it is off for the whole run, and what is left at the end is frozen
(`gc.freeze`) so that the collection at interpreter exit passes it by. Imported as a library (`ecofacts.cli`,
CliRunner in the tests), ecofacts leaves the collector alone.

Here too, before anything else: standard streams the process was started without (`>&-`, `2>&-`, `<&-`) get
/dev/null under their file descriptor, so that no file we open later takes the number 1 or 2 and receives
output, while Python is told they are closed (writing the answer there then fails: exit 4); and Ctrl-C at any
moment, imports included, is `error: interrupted` and exit 130, never a traceback.
"""

import gc
import os
import sys


class _Closed:
    """A standard stream the process was started without: every write fails, as the OS would say."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, text: str) -> int:
        raise OSError(9, "Bad file descriptor (the stream is closed)")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(9, "Bad file descriptor (the stream is closed)")


def _standard_streams() -> None:
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
        except OSError:
            held = os.open(os.devnull, os.O_RDWR)  # the lowest free number: `fd` itself
            if held != fd:
                os.close(held)
            if name != "stdin":
                setattr(sys, name, _Closed())


def _interrupted(exc: BaseException | None) -> bool:
    """A Ctrl-C, or an error Python made of one: a KeyboardInterrupt raised while a class is being made (an
    import) may come out as the RuntimeError "Error calling __set_name__", caused by it."""
    for _ in range(8):
        if exc is None or isinstance(exc, KeyboardInterrupt):
            return exc is not None
        exc = exc.__cause__ or exc.__context__
    return False


def _stop_interrupted() -> None:
    try:
        sys.stderr.write("error: interrupted\n")
        sys.stderr.flush()
    except (OSError, AttributeError, ValueError):
        pass
    os._exit(130)


def _unraisable(unraisable: "sys.UnraisableHookArgs") -> None:
    """A Ctrl-C that landed where Python cannot raise it (a callback of the import machinery) is still Ctrl-C;
    any other error goes to Python's own hook."""
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        _stop_interrupted()
    sys.__unraisablehook__(unraisable)


def main() -> None:
    gc.disable()
    sys.unraisablehook = _unraisable
    try:
        _standard_streams()
        from ecofacts.cli import main as run

        run()
    except BaseException as exc:  # Ctrl-C during the imports, or between the CLI's own handlers and the exit
        if not _interrupted(exc):
            raise
        _stop_interrupted()
    finally:
        gc.freeze()


if __name__ == "__main__":
    main()
