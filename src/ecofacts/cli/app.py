"""The program: the Typer `app`, its global options, and the one boundary every run passes.

`_Group` runs every invocation (the entry point's and CliRunner's alike): it checks the arguments once (text that
is not valid UTF-8 is a usage error), and turns every error into one line `error: ...` on stderr and the
contract's exit code. Every use of typer's and click's internals is here: the lazily built commands and the
completion of names that ignores case and accents.
"""

import os
import sys
from collections.abc import Iterator, MutableMapping
from typing import Annotated, Any

import typer

from ecofacts import __version__
from ecofacts.cli import comparison, lookups, maintenance, publishing, questions  # noqa: F401  (they register the commands)
from ecofacts.cli.options import state
from ecofacts.cli.registry import COMMAND_ORDER, commands
from ecofacts.cli.terminal import Terminal
from ecofacts.errors import EcofactsError, OutputError


class _Group(typer.core.TyperGroup):
    """The boundary. Its subcommands are `registry.commands`'s, built when first asked for."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        lookups.register_listings()
        self.commands = _LazyCommands(commands)

    def list_commands(self, ctx: Any) -> list[str]:
        """The commands as `--help` lists them: places, organisations and people, then what is stated about them
        (the order of the registry), then the other lookups; commands of kinds added later come after."""
        order = {name: i for i, name in enumerate(COMMAND_ORDER)}
        return sorted(super().list_commands(ctx), key=lambda name: order.get(name, len(order)))

    def main(self, args: Any = None, *rest: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False  # click hands us its errors, and returns the code of a typer.Exit
        if os.environ.get("_ECOFACTS_COMPLETE"):
            _shells_take_candidates_as_given()
        terminal = Terminal.current()
        try:
            code = super().main(_arguments(args, self.params), *rest, **kwargs)
        except EcofactsError as exc:
            terminal.fail(exc.message, exc.details)
            code = exc.exit_code
        except (KeyboardInterrupt, typer.Abort):
            code = 130  # said by exit(), as is click's Exit(130) for a Ctrl-C inside a command
        except typer.TyperException as exc:  # click's usage errors: unknown option, bad value, missing argument
            ctx = getattr(exc, "ctx", None)
            hint = f" (try '{ctx.command_path} --help')" if ctx is not None else ""
            terminal.fail(exc.format_message() + hint, [])
            code = getattr(exc, "exit_code", 2)
        except BrokenPipeError:
            terminal.quiet_broken_pipe()
        except SystemExit as exc:  # click's own answer to a broken pipe (`--help | head -c1`) is exit 1
            if isinstance(exc.__context__, BrokenPipeError):
                terminal.quiet_broken_pipe()
            raise
        except OSError as exc:  # writing help or a usage message to a closed or full stream
            terminal.fail(f"cannot write output: {exc.strerror or exc}", [])
            code = OutputError.exit_code
        terminal.exit(code if isinstance(code, int) else 0)


def _arguments(args: Any, options: list[Any]) -> list[str]:
    """The command line, each text argument as typed: where the locale is not UTF-8 (`LC_ALL=C`) arguments arrive
    as surrogate escapes; valid UTF-8 is decoded, anything else is a usage error (paths stay as the OS passed
    them, for the OS to open). The global `options` (the group's own) come first (`_globals_first`)."""
    argv = _globals_first(list(sys.argv[1:] if args is None else args), options)
    if all(arg.isascii() for arg in argv):
        return argv
    from ecofacts.safe_text import check_arguments

    return check_arguments(argv)


def _globals_first(argv: list[str], options: list[Any]) -> list[str]:
    """The global `options` typed after the command (`stats wallonia --no-pager`, `ask … --data facts.toml`) moved
    before it, where they are read: a flag's place on the line does not matter. Nothing after `--` moves."""
    flags = {name for o in options if o.is_flag for name in o.opts}
    valued = {name for o in options if not o.is_flag for name in o.opts}  # `--data PATH`
    before: list[str] = []
    rest: list[str] = []
    command = False  # past the command's name (the first argument that is no global option nor an option's value)
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest += argv[i:]
            break
        if arg in flags or ("=" in arg and arg.partition("=")[0] in valued):  # `--data=facts.toml`
            before.append(arg)
        elif arg in valued:
            before += argv[i:i + 2]
            i += 1
        elif command:
            rest.append(arg)
        else:
            command = not arg.startswith("-")
            (rest if command else before).append(arg)
        i += 1
    return before + rest


class _LazyCommands(MutableMapping[str, Any]):
    """The click command of each command registered on a Typer, built by Typer when first looked up.

    Building one reads its function's signature; building all twenty on every run, as Typer does, would cost
    milliseconds of a lookup that runs one. `--help` and completion list them all, and so build them all.
    """

    def __init__(self, registry: typer.Typer) -> None:
        self._infos = {info.name or typer.main.get_command_name(info.callback.__name__): info
                       for info in registry.registered_commands if info.callback is not None}
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            command = typer.main.get_command_from_info(
                self._infos[name], pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode)
            for param in command.params:
                _complete_unfiltered(param)
            command.help = _reflowed(command.help)
            self._built[name] = command
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:  # click's Group.add_command
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        if self._infos.pop(name, None) is None and name not in self._built:
            raise KeyError(name)
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self._infos, *self._built]))

    def __len__(self) -> int:
        return len(set(self._infos) | set(self._built))


def _reflowed(help_text: str | None) -> str | None:
    """A command's help with each paragraph on one line, for the terminal to wrap at its own width (the
    docstrings break their lines at 120 columns); indented lines (examples) stay one per line."""
    if not help_text:
        return help_text
    paragraphs = []
    for paragraph in help_text.split("\n\n"):
        lines = paragraph.split("\n")
        if any(line.startswith(" ") for line in lines) or any(line.startswith(("-", "*")) for line in lines):
            paragraphs.append(paragraph)  # examples and lists keep their lines
        else:
            paragraphs.append(" ".join(line.strip() for line in lines))
    return "\n\n".join(paragraphs)


def _complete_unfiltered(param: Any) -> None:
    """Typer keeps only the candidates that start with what was typed, letter for letter, so that `li` would
    never offer `Liège`: ecofacts' completers match ignoring case and accents, so their candidates are passed
    on as they come (for bash, each escaped into one shell word)."""
    typer_complete = getattr(param, "_custom_shell_complete", None)
    if typer_complete is None or not typer_complete.__closure__:
        return
    # typer's wrapper holds the function given as `autocompletion=` (typer <0.29; a test completes through bash)
    cells = dict(zip(typer_complete.__code__.co_freevars, typer_complete.__closure__, strict=True))
    if "autocompletion" not in cells:
        return
    complete = cells["autocompletion"].cell_contents
    from typer._click.shell_completion import CompletionItem

    def shell_complete(ctx: Any, param: Any, incomplete: str) -> list[Any]:
        return [CompletionItem(_shell_word(value)) for value in complete(ctx, [], incomplete)]

    param._custom_shell_complete = shell_complete


def _shells_take_candidates_as_given() -> None:
    """zsh and fish filter the candidates a program gives against what was typed, letter for letter, so that
    zsh offers nothing for `stats wal` (`Wallonia`) and fish nothing for `--city lie` (`Liège`); where there are
    none, both list file names, even for an option's value. Typer's two shell classes, amended:

    - zsh: values are added with `compadd -U` (the word typed is replaced, not matched), commands and options
      with their help as typer does; file names only for a parameter that takes a path (`--data`), else none;
    - fish: file names only for a path, never for a name or option value; and as fish matches a candidate only
      if it starts with what was typed (case aside), a candidate whose accents differ from the typed prefix is
      offered spelled with the typed letters (`lie` -> `Liege`, which every command reads as Liège).
    """
    import shlex

    from typer._click.shell_completion import CompletionItem, add_completion_class
    from typer._completion_classes import FishComplete, ZshComplete

    def paths(shell: Any, args: list[str], incomplete: str) -> bool:
        """Whether the word being completed is a parameter that takes a path (its metavar says PATH, FILE or
        DIR: `--data`, `verify FILE`, `export PATH.db`, `--sources DIR`)."""
        from typer._click.core import Parameter
        from typer._click.shell_completion import _resolve_context, _resolve_incomplete

        ctx = _resolve_context(shell.cli, shell.ctx_args, shell.prog_name, list(args))
        found, _ = _resolve_incomplete(ctx, list(args), incomplete)
        if not isinstance(found, Parameter):
            return False
        metavar = (getattr(found, "metavar", None) or found.make_metavar(ctx)).upper()
        return any(word in metavar for word in ("PATH", "FILE", "DIR"))

    class Zsh(ZshComplete):
        def complete(self) -> str:
            args, incomplete = self.get_completion_args()
            if paths(self, args, incomplete):
                return "_files"
            items = self.get_completions(args, incomplete)
            if not items:
                return "true"
            if any(item.help for item in items):
                return "_arguments '*: :((" + "\n".join(self.format_completion(i) for i in items) + "))'"
            return "compadd -U -- " + " ".join(shlex.quote(item.value) for item in items)

    class Fish(FishComplete):
        def complete(self) -> str:
            from ecofacts.names import fold

            args, incomplete = self.get_completion_args()
            if os.environ.get("_TYPER_COMPLETE_FISH_ACTION") == "is-args":
                sys.exit(1 if paths(self, args, incomplete) else 0)  # 0: no file names
            if paths(self, args, incomplete):
                return ""
            items = self.get_completions(args, incomplete)
            shown = []
            for item in items:
                value = item.value
                if not value.casefold().startswith(incomplete.casefold()) and fold(value).startswith(
                        fold(incomplete)):
                    value = _unaccented(value[:len(incomplete)]) + value[len(incomplete):]
                shown.append(self.format_completion(CompletionItem(value, help=item.help)))
            return "\n".join(shown)

    add_completion_class(Zsh, "zsh")
    add_completion_class(Fish, "fish")


def _unaccented(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _shell_word(value: str) -> str:
    """A candidate as bash must insert it to make one word (`nuclear\\ medicine`, `Braine-l\\'Alleud`); zsh
    and fish quote candidates themselves."""
    if not os.environ.get("_ECOFACTS_COMPLETE", "").endswith("bash"):
        return value
    import re

    return re.sub(r"([^\w\-.,/:@+=%])", r"\\\1", value)


app = typer.Typer(
    name="ecofacts",
    cls=_Group,
    help="Sourced facts about the Belgian biotech, biopharma and nuclear-medicine ecosystem.\n\n"
    "Every fact carries its source: quoted verbatim from a document, or reported from a public page (its URL and"
    " our paraphrase). Tables for people, --json for scripts.",
    epilog="Exit codes: 0 ok, 1 not found or check failed, 2 usage error, 3 bad knowledge file, 4 output could not"
    " be written, 130 interrupted."
    " Read more: docs/reference.md (formats, JSON fields, the knowledge file).",
    invoke_without_command=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"ecofacts {__version__}\n")
        raise typer.Exit()


@app.callback()
def _global(
    ctx: typer.Context,
    data: Annotated[
        str | None,
        typer.Option("--data", envvar="ECOFACTS_DATA", metavar="PATH",
                     help="Knowledge file to read instead of the shipped one."),
    ] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour or box drawing in tables.")] = False,
    no_pager: Annotated[bool, typer.Option(
        "--no-pager", help="Never page long tables through $PAGER (only done on a terminal).")] = False,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Parse the knowledge file, neither reading nor writing the parse cache in "
        "~/.cache/ecofacts (also env ECOFACTS_NO_CACHE=1).")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    state.data = data
    state.color = False if no_color else None
    state.pager = not no_pager
    state.cache = not no_cache
    from ecofacts import private

    private.keep(not no_cache)  # nor the vocabulary's folded words
    if ctx.invoked_subcommand is None:
        sys.stdout.write(ctx.get_help() + "\n")


def main() -> None:
    """Run the command line (the process entry point, `ecofacts.__main__`, calls this)."""
    app(prog_name="ecofacts")
