"""zhclean for Ray Data: a callable class for ``Dataset.map_batches`` over Arrow batches.

>>> import ray, zhclean.ray
>>> ds = ray.data.read_json("docs.jsonl")
>>> ds = ds.map_batches(zhclean.ray.Cleaner, batch_format="pyarrow", concurrency=2)

Each batch's text column is cleaned (with ``clean_batch``: all cores, without the GIL) and the
number of edits and of diagnostics of each document is added as ``zhclean_edits`` and
``zhclean_diagnostics``.
"""

import pyarrow as pa

import zhclean


class Cleaner:
    """Cleans the ``text_column`` of Arrow batches; settings as for ``zhclean.Cleaner``."""

    def __init__(self, text_column: str = "text", **settings):
        self.text_column = text_column
        self.cleaner = zhclean.Cleaner(**settings)

    def __call__(self, batch: pa.Table) -> pa.Table:
        index = batch.schema.get_field_index(self.text_column)
        if index < 0:
            raise KeyError(f"the batch has no column `{self.text_column}`; name the text column with text_column=")
        results = self.cleaner.clean_batch(batch.column(index).to_pylist())
        batch = batch.set_column(index, self.text_column, pa.array([r.text for r in results], pa.string()))
        batch = batch.append_column("zhclean_edits", pa.array([len(r.edits) for r in results], pa.int32()))
        return batch.append_column("zhclean_diagnostics", pa.array([len(r.diagnostics) for r in results], pa.int32()))
