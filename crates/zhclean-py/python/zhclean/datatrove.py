"""zhclean for datatrove: a formatter step.

>>> from datatrove.executor import LocalPipelineExecutor
>>> from datatrove.pipeline.readers import JsonlReader
>>> from datatrove.pipeline.writers import JsonlWriter
>>> from zhclean.datatrove import ZhcleanFormatter
>>> LocalPipelineExecutor([JsonlReader("in/"), ZhcleanFormatter(), JsonlWriter("out/")]).run()

Each document's text is cleaned; ``metadata["zhclean"]`` gets the number of edits and
diagnostics.
"""

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.formatters.base import BaseFormatter

import zhclean


class ZhcleanFormatter(BaseFormatter):
    """Cleans every document's text; settings as for ``zhclean.Cleaner``."""

    name = "zhclean"

    def __init__(self, **settings):
        super().__init__()
        self.settings = settings
        self._cleaner = None

    @property
    def cleaner(self) -> zhclean.Cleaner:
        # Made in the worker: steps are pickled to the workers, a Cleaner is not picklable.
        if self._cleaner is None:
            self._cleaner = zhclean.Cleaner(**self.settings)
        return self._cleaner

    def format(self, text: str) -> str:
        return self.cleaner.clean(text).text

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for document in data:
            self.stat_update("total")
            with self.track_time():
                result = self.cleaner.clean(document.text)
                document.text = result.text
                document.metadata["zhclean"] = {"edits": len(result.edits), "diagnostics": len(result.diagnostics)}
            yield document

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_cleaner"] = None
        return state
