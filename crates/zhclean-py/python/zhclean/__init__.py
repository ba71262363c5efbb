"""Clean and check Chinese text with zhclean.

>>> import zhclean
>>> zhclean.clean("双方指出,合作。").text
'双方指出，合作。\\n'

Positions (``start``, ``end``) count code points of the input text, as Python strings do.
"""

from ._zhclean import Cleaner, Diagnostic, Edit, Result, __version__, check, clean, clean_batch

__all__ = ["Cleaner", "Diagnostic", "Edit", "Result", "__version__", "check", "clean", "clean_batch"]
