"""The `mockmic` command: parse, call the API, render. No logic of its own lives here."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from mockmic.errors import BadInput, MockmicError

app = typer.Typer(
    name="mockmic",
    help="Offline voice mock-interview coach: answer out loud, get a scored report and a model "
    "answer. Nothing leaves your machine.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)
err = Console(stderr=True)


class Format(StrEnum):
    text = "text"
    json = "json"
    html = "html"


class ListFormat(StrEnum):
    text = "text"
    json = "json"


QuestionOpt = Annotated[
    str,
    typer.Option("--question", "-q", help="Question id, e.g. failure (see `mockmic questions`)."),
]
DatabaseOpt = Annotated[
    str | None,
    typer.Option(
        "--database",
        help="SQLAlchemy URL of the store (default: SQLite in your data directory; "
        "also MOCKMIC_DATABASE_URL), e.g. postgresql+psycopg://user@localhost/mockmic.",
    ),
]


@app.command()
def score(
    input: Annotated[
        Path,
        typer.Argument(help="An audio file (wav, mp3, m4a, ogg, webm, flac) or a .txt answer."),
    ],
    question: QuestionOpt = "failure",
    format: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.text,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the report here instead of stdout.")
    ] = None,
    model: Annotated[
        str,
        typer.Option(
            help="Speech model: tiny.en (bundled) or a faster-whisper model you already have, "
            "by name (base.en, small.en, distil-...) or by local path."
        ),
    ] = "tiny.en",
    width: Annotated[int | None, typer.Option(help="Width of the text report.")] = None,
    llm_url: Annotated[
        str | None,
        typer.Option(
            "--llm",
            help="Optional: base URL of an OpenAI-compatible server (Ollama, llama.cpp, vLLM, "
            "OpenAI), e.g. http://127.0.0.1:11434/v1, to reword the rebuilt answer. Scores never "
            "use it. Default: MOCKMIC_LLM_URL, else none (everything stays on this machine).",
        ),
    ] = None,
    llm_model: Annotated[
        str | None,
        typer.Option(help="Model name for --llm (default: MOCKMIC_LLM_MODEL, else 'default')."),
    ] = None,
) -> None:
    """Score one answer (audio or text) and print its report.

    The report has the scores, the rubric with the words that earned or lost each point, the
    traps with the interviewer's follow-up, delivery figures and two model answers.

    Exit codes: 0 done, 2 bad input (one line on stderr says why), 1 internal error.
    """
    from mockmic import llm, report
    from mockmic.pipeline import PipelineOptions, score_answer
    from mockmic.transcribe import TranscribeOptions

    options = PipelineOptions(transcribe=TranscribeOptions(model=model))
    if llm_url or llm_model:  # the options override MOCKMIC_LLM_*, which options.llm already read
        base = options.llm or llm.LLMOptions(url="")
        chosen = replace(base, url=llm_url or base.url, model=llm_model or base.model)
        options = replace(options, llm=chosen if chosen.url else None)  # no URL, no LLM
    with _progress() as bar:
        task = bar.add_task("starting", total=1.0)

        def advance(stage: str, fraction: float) -> None:
            bar.update(task, description=stage, completed=fraction)

        result = score_answer(input, question, options, progress=advance)
    if out is None and format is Format.text and sys.stdout.isatty():
        Console(width=width).print(report.text_renderable(result))  # colour, terminal's width
        return
    rendered = report.render(result, format.value, width=width)
    if out is None:
        sys.stdout.write(rendered if rendered.endswith("\n") else rendered + "\n")
    else:
        out.write_text(rendered, encoding="utf-8")
        err.print(f"Report written to {out}")


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description:<12}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


@app.command()
def questions(
    role: Annotated[
        str | None, typer.Option(help="Only this role pack, e.g. software_engineer.")
    ] = None,
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
) -> None:
    """List the question bank (and the role packs)."""
    from mockmic import questions as bank

    packs = bank.role_packs()
    chosen = bank.all_questions()
    if role is not None:
        _known("role", role, packs)
        chosen = [q for q in chosen if q.id in packs[role]]
    if category is not None:
        _known("category", category, {q.category for q in bank.all_questions()})
        chosen = [q for q in chosen if q.category == category]
    if format is ListFormat.json:
        rows = [
            {
                "id": q.id,
                "category": q.category,
                "difficulty": q.difficulty,
                "time_limit_s": q.time_limit_s,
                "prompt": q.prompt,
                # The packs that ask it, from roles.yaml, plus any the question names itself.
                "roles": sorted({r for r, ids in packs.items() if q.id in ids} | set(q.roles)),
            }
            for q in chosen
        ]
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    table = Table(title=f"{len(chosen)} questions", expand=False)
    for column in ("id", "category", "level", "limit"):
        table.add_column(column, no_wrap=True)
    table.add_column("prompt", overflow="fold")
    for q in chosen:
        table.add_row(q.id, q.category, str(q.difficulty), f"{q.time_limit_s:.0f}s", q.prompt)
    Console().print(table)
    if role is None:
        Console().print("Role packs: " + ", ".join(sorted(bank.role_packs())))


def _known(kind: str, value: str, choices: Iterable[str]) -> None:
    if value not in choices:
        raise BadInput(f"unknown {kind} {value!r}; choose one of: {', '.join(sorted(choices))}")


@app.command()
def practice(
    questions: Annotated[
        str | None, typer.Option(help="Comma-separated question ids, e.g. failure,conflict.")
    ] = None,
    role: Annotated[str | None, typer.Option(help="Build the session from this role pack.")] = None,
    text: Annotated[
        bool, typer.Option("--text", help="Type your answers instead of speaking.")
    ] = False,
    count: Annotated[int, typer.Option(help="How many questions.")] = 3,
    database: DatabaseOpt = None,
) -> None:
    """Run a spoken (or typed) practice session in the terminal.

    Each question is read aloud (espeak-ng, when installed), then your answer is recorded from
    the microphone with a countdown and a level bar, or typed with --text, and scored. The
    session is stored, so `mockmic history` and the web app show your progress.
    """
    from mockmic import practice as session

    ids = [q.strip() for q in questions.split(",") if q.strip()] if questions else None
    session.run(question_ids=ids, role=role, typed=text, count=count, database=database)


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to bind; keep 127.0.0.1 unless you mean it.")
    ] = ("127.0.0.1"),
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    database: DatabaseOpt = None,
) -> None:
    """Start the web app: a realistic voice interview in your browser, with history."""
    from mockmic import web

    web.serve(host=host, port=port, database=database)


@app.command()
def history(
    question: Annotated[str | None, typer.Option(help="Only attempts at this question id.")] = None,
    database: DatabaseOpt = None,
) -> None:
    """Past sessions and, per question, how your score moved over time."""
    from mockmic import practice as session

    session.show_history(question_id=question, database=database)


@app.command()
def engines() -> None:
    """List the speech-to-text engines and the bundled model."""
    from mockmic import transcribe

    for name in sorted(transcribe.ENGINES):
        typer.echo(name)


def _warnings_to_stderr() -> None:
    """mockmic's warnings (an optional LLM that did not answer, ...) as one line each on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("mockmic: warning: %(message)s"))
    handler.setLevel(logging.WARNING)  # on the handler: whoever wants INFO lines (serve) keeps them
    logging.getLogger("mockmic").addHandler(handler)


def main() -> None:
    """Entry point: turn mockmic's errors into one line on stderr and an exit code."""
    _warnings_to_stderr()
    try:
        app(standalone_mode=False)
    except MockmicError as e:
        err.print(Text.assemble(("mockmic: error: ", "red"), str(e)), soft_wrap=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        err.print("mockmic: interrupted")
        sys.exit(130)
    except Exception as e:  # click's own usage errors are handled below
        import click

        if isinstance(e, click.exceptions.Exit):
            sys.exit(e.exit_code)
        if isinstance(e, click.ClickException):
            e.show()
            sys.exit(2)
        if isinstance(e, click.exceptions.Abort):
            sys.exit(130)
        if os.environ.get("MOCKMIC_DEBUG"):
            raise
        err.print(
            Text(
                f"mockmic: internal error: {type(e).__name__}: {e}. "
                "Run again with MOCKMIC_DEBUG=1 for the traceback, and please report it."
            ),
            soft_wrap=True,
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
