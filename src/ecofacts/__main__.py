"""The process entry point: `ecofacts` (the installed script) and `python -m ecofacts`.

One process runs one command and exits. Reference counting frees what a command is done with; the cyclic
garbage collector, which looks for unreachable reference cycles, finds next to none here (a few hundred objects
per command, typer's and click's, whatever the size of the file), yet it would walk the tens of thousands of
objects that importing typer and rich makes, again and again while they are made and once more at exit: about
6 ms of a 40 ms lookup, 9 ms of a table.
So here, where the process is ours, it is off for the whole run, and what is left at the end is frozen
(`gc.freeze`) so that the collection at interpreter exit passes it by. Imported as a library (`ecofacts.cli`,
CliRunner in the tests), ecofacts leaves the collector alone.
"""

import gc


def main() -> None:
    gc.disable()
    try:
        from ecofacts.cli import main as run

        run()
    finally:
        gc.freeze()


if __name__ == "__main__":
    main()
