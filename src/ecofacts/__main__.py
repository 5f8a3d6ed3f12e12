"""The process entry point: `ecofacts` (the installed script) and `python -m ecofacts`.

Importing typer and defining the commands make tens of thousands of objects that live until the process ends.
The cyclic garbage collector would walk them again and again while they are made, and once more at exit, and
free nothing: about 6 ms of a 45 ms run. So here, where the process is ours, the collector is paused during the
import and the objects made are then frozen (`gc.freeze`: left out of every later collection). Objects a command
makes are collected as usual.
"""

import gc


def main() -> None:
    collecting = gc.isenabled()
    gc.disable()
    try:
        from ecofacts.cli import main as run
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
    run()


if __name__ == "__main__":
    main()
