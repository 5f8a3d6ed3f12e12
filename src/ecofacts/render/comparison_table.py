"""`compare` for people: one row per metric, a column per region with each figure as a reader says it,
footnoted to its source, with proportional bars in colour; then the comparability notes, the records counted and
the sources."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ecofacts.figures import cell_pieces, is_projection, metric_label, row_label
from ecofacts.render.cells import EMPTY, source_line
from ecofacts.render.layout import Atoms, Column, fill, overhead, words
from ecofacts.render.table import block, draw, stack, to_text

BAR_WIDTH = 12


def _bar(value: float, biggest: float) -> str:
    if biggest <= 0 or value < 0:
        return ""
    filled = round(BAR_WIDTH * value / biggest)
    return "█" * filled + "·" * (BAR_WIDTH - filled)


def _comparison_table(rows: list[dict[str, Any]], regions: list[dict[str, Any]], width: int | None, color: bool,
                      bars: bool, title: str, heading: str) -> tuple[Any, int]:
    labels: list[Atoms] = []
    cells: dict[str, list[Atoms]] = {r["id"]: [] for r in regions}
    styles: dict[str, list[str]] = {r["id"]: [] for r in regions}
    for row in rows:
        values = row["values"]
        if row["kind"] == "count":
            numbers = {r["id"]: float(values[r["id"]]) for r in regions}
            for r in regions:
                cells[r["id"]].append([[str(values[r["id"]])]])
                styles[r["id"]].append("")
            labels.append(words(row["metric"]))
        else:
            firsts = {r["id"]: _bar_value(values[r["id"]][0]) for r in regions if values[r["id"]]}
            numbers = {r: n for r, n in firsts.items() if n is not None}
            for r in regions:
                # a figure wraps between its words when the columns cannot all be as wide as their figures
                figures = [[w for piece in cell_pieces(c, row.get("year")) for w in _figure_words(piece)]
                           for c in values[r["id"]]] or [[EMPTY]]
                if width is None:  # a pipe: the figures on one line, "; " between them
                    figures = [[*line[:-1], line[-1] + ";"] for line in figures[:-1]] + figures[-1:]
                cells[r["id"]].append(figures)
                projected = values[r["id"]] and all(is_projection(c.get("status")) for c in values[r["id"]])
                styles[r["id"]].append("yellow" if projected else "")
            labels.append(words(row_label(row)))
        if bars and len(numbers) > 1:
            biggest = max(numbers.values())
            for r in regions:
                if r["id"] in numbers:
                    cells[r["id"]][-1] = [*cells[r["id"]][-1], [_bar(numbers[r["id"]], biggest)]]
    # the metric and the figures share the room in proportion to what each lacks
    columns = [Column("metric", [[heading]], labels, [""] * len(labels), 100, True, "left", first=True)]
    columns += [Column(r["id"], words(r["name"]), cells[r["id"]], styles[r["id"]], 100, True, "left", first=True)
                for r in regions]
    if width is None or not labels or _narrowest(columns, color) <= width:
        return draw(columns, width, color, title)
    # too narrow for the regions side by side, even wrapped: one line of the table per metric and region
    # (metric | region | figure), each metric's rows a section of their own
    metric_cells: list[Atoms] = []
    region_cells: list[Atoms] = []
    figure_cells: list[Atoms] = []
    figure_styles: list[str] = []
    sections: list[int] = []
    for n, label in enumerate(labels):
        for i, r in enumerate(regions):
            metric_cells.append(label if i == 0 else [[]])
            region_cells.append(words(r["name"]))
            figure_cells.append(cells[r["id"]][n])
            figure_styles.append(styles[r["id"]][n])
        sections.append(len(metric_cells) - 1)
    long = [
        Column("metric", [[heading]], metric_cells, [""] * len(metric_cells), 100, True, "left"),
        Column("region", [["region"]], region_cells, [""] * len(region_cells), 100, True, "left"),
        Column("figure", [["figure"]], figure_cells, figure_styles, 100, True, "left", first=True),
    ]
    return draw(long, width, color, title, sections=sections)


def _narrowest(columns: Sequence[Column], boxed: bool) -> int:
    """The width of a table of all `columns` at their narrowest (every one wrapped as far as it goes)."""
    return sum(c.minimum for c in columns) + overhead(len(columns), boxed)


def _figure_words(piece: str) -> list[str]:
    """The words a figure may wrap between; its footnote marker stays with its last word ("GDP [1]")."""
    found = piece.split(" ")
    if len(found) > 1 and found[-1].startswith("["):
        found[-2:] = [" ".join(found[-2:])]
    return found


def render_comparison(doc: dict[str, Any], *, width: int | None, color: bool, bars: bool) -> str:
    """`compare`: one row per metric (in words, with the year it lines up), one column per region with each
    figure as a reader says it ("3,800+ jobs"), footnoted to its source, forecasts and targets in yellow (with
    colour); then what makes the figures less comparable, the records counted in this knowledge base (apart
    from the statistics), and the sources."""
    regions = doc["regions"]
    statistics = [row for row in doc["rows"] if row["kind"] == "statistic"]
    counts = [row for row in doc["rows"] if row["kind"] == "count"]
    table, total = _comparison_table(statistics, regions, width, color, bars, "Comparison", "metric")
    parts: list[Any] = [table]
    remarks = [f"{row_label(row)}: {note}" for row in doc["rows"] for note in row.get("notes", [])]
    if doc.get("per_capita"):
        remarks.insert(0, f"per inhabitant = {doc['per_capita']['formula']}")
        if doc["per_capita"]["left_out"]:
            remarks.append("left out (already rates, shares or populations): "
                           + ", ".join(metric_label(m) for m in doc["per_capita"]["left_out"]))
    room = None if width is None else total  # a pipe: each note on one line
    if remarks:
        lines = [line for remark in remarks for line in fill("- " + remark, room)]
        parts += [block("", color), block("Comparability:", color), block("\n".join(lines), color)]
    if counts:
        counted, _ = _comparison_table(counts, regions, room, color, bars,
                                       "Records counted in this knowledge base (not statistics)", "records")
        parts += [block("", color), counted]
    if doc["footnotes"]:
        notes = []
        for n in doc["footnotes"]:
            line = f"[{n['number']}] {source_line(n['source'])}"
            if n["cited_source"]:
                line += f", citing {source_line(n['cited_source'])}"
            notes += fill(line, room)
        parts += [block("", color), block("Sources:", color), block("\n".join(notes), color)]
    return to_text(stack(parts, color) if len(parts) > 1 else table, total, color)


def _bar_value(cell: dict[str, Any]) -> float | None:
    share = cell.get("per_capita", False)
    if share is False:
        return float(cell["value"])
    return None if share is None else float(share["value"])
