"""`ecofacts` on a real pseudo-terminal, many times, cheaply.

Starting Python and importing typer, rich and ecofacts takes most of a short command's time, and the display tests
run about a hundred of them. So one server process imports everything once, then forks a child per command; the
child gets a new pseudo-terminal of the asked width as its standard input and output (`pty.fork`), runs the
installed entry point (`ecofacts.__main__.main`) with the asked arguments, and exits. The command itself runs as it
does anywhere: its own process, a real terminal it measures with `ioctl`, its own environment; only the imports
are shared. `test_display.py` checks that a forked command shows what a freshly started one shows.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

SERVER = r'''
import fcntl, importlib, json, os, pkgutil, pty, struct, sys, termios
import ecofacts, ecofacts.__main__
for module in pkgutil.walk_packages(ecofacts.__path__, "ecofacts."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
import rich.console, rich.table, rich.markdown, rich.panel, rich.syntax  # what the commands import when they draw
requests, answers = sys.stdin, sys.stdout
for line in requests:
    args, columns, env = json.loads(line)
    answers.flush()
    pid, fd = pty.fork()
    if pid == 0:  # the command: its terminal is the pseudo-terminal's other end, on 0, 1 and 2
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 2)
            os.environ.clear()
            os.environ.update(env)
            sys.argv = ["ecofacts", *args]
            ecofacts.__main__.main()
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        except BaseException:
            code = 99
        try:
            sys.stdout.flush()
        except Exception:
            pass
        os._exit(code)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the command's end is closed: it has exited
            break
        if not chunk:
            break
        out += chunk
    os.close(fd)
    _, status = os.waitpid(pid, 0)
    answers.write(json.dumps([os.waitstatus_to_exitcode(status), out.decode("utf-8", "replace")]) + "\n")
    answers.flush()
'''


class Terminals:
    """Runs `ecofacts ARGS` on a pseudo-terminal `columns` wide, in a process forked from a warm server."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.server = subprocess.Popen([sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       env=env, text=True, encoding="utf-8")

    def run(self, args: list[str], columns: int) -> tuple[int, str]:
        """(exit code, what the terminal received, escapes and all)."""
        assert self.server.stdin and self.server.stdout
        self.server.stdin.write(json.dumps([args, columns, self.env]) + "\n")
        self.server.stdin.flush()
        answer: Any = json.loads(self.server.stdout.readline())
        return answer[0], answer[1]

    def close(self) -> None:
        assert self.server.stdin
        self.server.stdin.close()
        self.server.wait(timeout=60)
