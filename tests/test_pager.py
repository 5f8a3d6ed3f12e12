"""The pager, through a real pseudo-terminal: long tables (listings, show, compare) are paged, `LESS` defaults to
FRX as git's does, and nothing is paged when piped."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import termios

import pytest

from .test_subprocess import BIN, ENV

PAGER = "sh -c 'cat > /dev/null; echo \"ecofacts-test-pager LESS=$LESS\"'"


def on_a_terminal(*args: str, env: dict[str, str] | None = None) -> str:
    """What a 24x80 terminal shows for `ecofacts ARGS`."""
    main, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen([str(BIN), *args], stdin=secondary, stdout=secondary, stderr=secondary,
                               env={**ENV, "PAGER": PAGER, "TERM": "xterm", **(env or {})}, close_fds=True)
    os.close(secondary)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        out += chunk
    process.wait(timeout=60)
    os.close(main)
    return out.decode("utf-8", "replace")


@pytest.mark.parametrize("command", [("show", "wallonia"), ("compare", "wallonia", "flanders", "brussels"),
                                     ("stats",)])
def test_long_tables_are_paged_with_less_defaulting_to_frx(command):
    env = {k: v for k, v in ENV.items() if k != "LESS"}
    assert "ecofacts-test-pager LESS=FRX" in on_a_terminal(*command, env=env)


def test_a_less_setting_of_the_user_is_kept():
    assert "ecofacts-test-pager LESS=-S" in on_a_terminal("stats", env={"LESS": "-S"})


def test_nothing_is_paged_through_a_pipe():
    result = subprocess.run([str(BIN), "stats"], capture_output=True, text=True, env={**ENV, "PAGER": PAGER},
                            timeout=60)
    assert "ecofacts-test-pager" not in result.stdout and result.stdout.split()[0] in ("id", "subject", "label")
