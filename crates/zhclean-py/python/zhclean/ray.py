"""zhclean for Ray Data: a callable class for ``Dataset.map_batches`` over Arrow batches.

>>> import ray, zhclean.ray
>>> ds = ray.data.read_json("docs.jsonl")
>>> ds = ds.map_batches(zhclean.ray.Cleaner, batch_format="pyarrow", concurrency=2)

Each batch's text column is cleaned (with ``clean_batch``, without the GIL, on as many threads as
Ray gave the worker CPUs: ``num_cpus`` of ``map_batches``, one by default, so that ``concurrency``
workers share the machine instead of each starting a thread per core) and the number of edits and
of diagnostics of each document is added as ``zhclean_edits`` and ``zhclean_diagnostics``.
"""

import pyarrow as pa

import zhclean


class Cleaner:
    """Cleans the ``text_column`` of Arrow batches; settings as for ``zhclean.Cleaner``."""

    def __init__(self, text_column: str = "text", **settings):
        self.text_column = text_column
        settings.setdefault("threads", _assigned_cpus())
        self.cleaner = zhclean.Cleaner(**settings)

    def __call__(self, batch: pa.Table) -> pa.Table:
        index = batch.schema.get_field_index(self.text_column)
        if index < 0:
            raise KeyError(f"the batch has no column `{self.text_column}`; name the text column with text_column=")
        results = self.cleaner.clean_batch(batch.column(index).to_pylist())
        batch = batch.set_column(index, self.text_column, pa.array([r.text for r in results], pa.string()))
        batch = batch.append_column("zhclean_edits", pa.array([len(r.edits) for r in results], pa.int32()))
        return batch.append_column("zhclean_diagnostics", pa.array([len(r.diagnostics) for r in results], pa.int32()))


def _assigned_cpus():
    """The CPUs Ray gave this worker, at least one; ``None`` (every core) outside a Ray worker."""
    try:
        import ray

        cpus = ray.get_runtime_context().get_assigned_resources().get("CPU")
    except Exception:
        return None
    return max(1, round(cpus)) if cpus else None
