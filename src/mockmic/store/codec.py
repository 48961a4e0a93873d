"""A Report to JSON and back, so a processed answer can be stored once and rendered again later.

The stable report JSON (`mockmic.report.to_dict`) is for people and scripts and drops detail the
pages need (word origins, part timings, criterion labels), so the store keeps the dataclasses
themselves: every field by name, tuples as lists, rebuilt from the type hints of mockmic.types.
A field added later with a default still loads from an older row.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, TypeVar, cast

from mockmic.types import Report

__all__ = ["dump_report", "load_report"]

T = TypeVar("T")


def dump_report(report: Report) -> dict[str, Any]:
    return cast(dict[str, Any], _dump(report))


def load_report(data: dict[str, Any]) -> Report:
    return cast(Report, _load(Report, data))


def _dump(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _dump(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_dump(v) for v in value]
    return value


def _load(tp: Any, data: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return _load_union(typing.get_args(tp), data)
    if origin is tuple:
        return _load_tuple(typing.get_args(tp), data)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        known = {f.name for f in dataclasses.fields(tp) if f.init}
        kwargs = {k: _load(hints[k], v) for k, v in data.items() if k in known}
        return tp(**kwargs)
    if tp is float and isinstance(data, int):
        return float(data)
    return data


def _load_union(args: tuple[Any, ...], data: Any) -> Any:
    if data is None:
        return None
    options = [a for a in args if a is not type(None)]
    return _load(options[0], data) if len(options) == 1 else data


def _load_tuple(args: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(_load(args[0], v) for v in data)
    return tuple(_load(a, v) for a, v in zip(args, data, strict=True))
