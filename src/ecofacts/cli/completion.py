"""Shell completion: candidates from the knowledge file the command line being completed names.

The completers match ignoring case and accents (`li` offers `Liège`); `app.py` passes their candidates on to the
shell unfiltered."""

from collections.abc import Sequence
from typing import Any

import typer

from ecofacts import kinds
from ecofacts.errors import EcofactsError
from ecofacts.knowledge import Knowledge


def completion_knowledge(ctx: typer.Context) -> Knowledge | None:
    """The knowledge file the command line being completed names (`--data`), or None if it cannot be read."""
    from ecofacts.loader import load, resolve_path

    params = ctx.find_root().params
    try:
        return load(resolve_path(params.get("data")), use_cache=not params.get("no_cache"))
    except EcofactsError:
        return None


def completer(*tables: str, stat_ids: bool = False) -> Any:
    """One candidate per record of `tables` (default: every named kind's, places first) whose id, name or alias
    starts with what was typed, ignoring case and accents: its name if that matches, else the alias or id that
    does. With `stat_ids`, the statistics' ids too."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        from ecofacts.names import fold

        k = completion_knowledge(ctx)
        if k is None:
            return []
        key = fold(incomplete)
        # Any named record: places first, and the others only when no place matches (`stats wal` completes to
        # Wallonia, not to the common start of Wallonia and of every "Walloon …" initiative)
        places = [t for t in ("regions", "cities") if t in kinds.NAMED]
        tiers: list[Sequence[str]] = [tables] if tables else [places, [t for t in kinds.NAMED if t not in places]]
        names: list[str] = []
        for tier in tiers:
            for table in tier:
                for rec in k.records(table):
                    spelled = (getattr(rec, "name", rec.id), *getattr(rec, "aliases", ()), rec.id)
                    found = next((name for name in spelled if fold(name).startswith(key)), None)
                    if found is not None and found not in names:
                        names.append(found)
            if names:
                break
        if stat_ids:
            names += [i for i in k.stats.distinct("id") if fold(i).startswith(key)]
        return names

    return complete


def value_completer(attr: str, table: str) -> Any:
    """The values of a field that start with what was typed, ignoring case and accents."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        from ecofacts.names import fold

        k = completion_knowledge(ctx)
        if k is None:
            return []
        values: set[str] = set()
        for rec in k.records(table):
            value = getattr(rec, attr)
            values.update(value if isinstance(value, tuple) else (value,))
        key = fold(incomplete)
        return sorted(v for v in values if v and fold(v).startswith(key))

    return complete
