"""The export as Parquet: one column per field of the contract's model, written one row group at a time.

The Arrow schema is derived from the pydantic model (``arrow_schema``), so the columns are the export's
fields in the export's order, a field added to the model is a column added here, and the structure
survives: ``entities`` is a list of ``{name, canonical, kind}`` structs, ``page_read_also`` a struct,
``page_tags`` a list of strings. pyarrow is an optional dependency (``pip install 'naba[parquet]'``).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, BinaryIO

from pydantic import BaseModel

from naba.errors import UsageError

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError as exc:  # the one line the CLI prints, instead of a traceback
    raise UsageError("--format parquet needs pyarrow, which is not installed",
                     hint="pip install 'naba[parquet]'") from exc

_SCALARS = {int: pa.int64(), str: pa.string(), float: pa.float64(), bool: pa.bool_()}


def arrow_type(annotation: Any) -> pa.DataType:
    """The Arrow type of a model field's annotation (``X | None`` is a nullable X)."""
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        present = [arg for arg in args if arg is not type(None)]
        if len(present) != 1:
            raise TypeError(f"no Arrow type for {annotation!r}")
        return arrow_type(present[0])
    if origin is list:
        return pa.list_(arrow_type(args[0]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct([(name, arrow_type(field.annotation)) for name, field in annotation.model_fields.items()])
    raise TypeError(f"no Arrow type for {annotation!r}")


def arrow_schema(model: type[BaseModel]) -> pa.Schema:
    """One column per field of ``model``, in its order; a field may be null only where the model allows."""
    def nullable(annotation: Any) -> bool:
        return type(None) in typing.get_args(annotation)

    return pa.schema([pa.field(name, arrow_type(field.annotation), nullable=nullable(field.annotation))
                      for name, field in model.model_fields.items()])


def write_parquet(records: Iterable[dict[str, Any]], model: type[BaseModel], out: BinaryIO, batch_rows: int) -> int:
    """Write ``records`` (dumps of ``model``) as Parquet to ``out``, ``batch_rows`` per row group; how
    many were written. ``out`` may be a pipe: Parquet is written front to back, its footer last."""
    schema = arrow_schema(model)
    count = 0
    with pq.ParquetWriter(pa.PythonFile(out, mode="w"), schema, compression="zstd") as writer:
        for batch in _batches(iter(records), batch_rows):
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema), row_group_size=len(batch))
            count += len(batch)
    return count


def _batches(records: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    while batch := list(islice(records, size)):
        yield batch
