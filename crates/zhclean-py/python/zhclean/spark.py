"""zhclean for PySpark: a function for ``DataFrame.mapInArrow``.

>>> from zhclean.spark import clean_arrow_batches, schema_with_counts
>>> df = spark.read.json("docs.jsonl")
>>> df.mapInArrow(clean_arrow_batches("text"), schema_with_counts(df.schema)).write.json("cleaned/")

Each Arrow batch's text column is cleaned with ``clean_batch`` (without the GIL, on as many
threads as the task has CPUs, ``spark.task.cpus``, so that the tasks running side by side share
the executor's cores); ``zhclean_edits`` and ``zhclean_diagnostics`` count each document's
findings.
"""

from typing import Callable, Iterator

import pyarrow as pa

import zhclean


def clean_arrow_batches(text_column: str = "text", **settings) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """The function to give ``mapInArrow``; settings as for ``zhclean.Cleaner``."""

    def clean(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        cleaner = zhclean.Cleaner(**{"threads": _task_cpus(), **settings})
        for batch in batches:
            index = batch.schema.get_field_index(text_column)
            results = cleaner.clean_batch(batch.column(index).to_pylist())
            columns = list(batch.columns)
            columns[index] = pa.array([r.text for r in results], pa.string())
            columns.append(pa.array([len(r.edits) for r in results], pa.int32()))
            columns.append(pa.array([len(r.diagnostics) for r in results], pa.int32()))
            names = batch.schema.names + ["zhclean_edits", "zhclean_diagnostics"]
            yield pa.RecordBatch.from_arrays(columns, names=names)

    return clean


def _task_cpus():
    """The CPUs of the running Spark task; ``None`` (every core) outside one."""
    try:
        from pyspark import TaskContext

        context = TaskContext.get()
        return context.cpus() if context is not None else None
    except Exception:
        return None


def schema_with_counts(schema):
    """``schema`` (a Spark ``StructType``) with the two count columns ``mapInArrow`` adds."""
    from pyspark.sql.types import IntegerType, StructField, StructType

    return StructType(
        list(schema.fields)
        + [StructField("zhclean_edits", IntegerType(), False), StructField("zhclean_diagnostics", IntegerType(), False)]
    )
