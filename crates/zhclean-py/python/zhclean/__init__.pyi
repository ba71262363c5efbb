from typing import Literal, Optional, Sequence

from typing_extensions import TypedDict, Unpack

__version__: str

Profile = Literal["gb", "copywriting"]
Separator = Literal["blank-line", "newline"]

class Edit:
    """One change of the text; positions in code points of the input."""

    rule: str
    code: str
    start: int
    end: int
    before: str
    after: str

class Diagnostic:
    """A finding; positions in code points of the input."""

    rule: str
    code: str
    severity: Literal["info", "warning", "error"]
    start: int
    end: int
    message: str

class Result:
    """The cleaned text, every edit that made it, and the diagnostics."""

    text: str
    edits: list[Edit]
    diagnostics: list[Diagnostic]
    @property
    def changed(self) -> bool: ...

class Settings(TypedDict, total=False):
    """The settings of a `Cleaner`, also taken as keywords by `clean`, `check` and `clean_batch`."""

    profile: Profile
    convert: Optional[str]
    disable: Sequence[str]
    unsafe_fixes: bool
    paragraph_separator: Separator
    threads: Optional[int]

class Cleaner:
    """Settings resolved once; reuse it for many texts (it is safe to share between threads)."""

    def __init__(self, **settings: Unpack[Settings]) -> None: ...
    def clean(self, text: str) -> Result: ...
    def check(self, text: str) -> list[Diagnostic]: ...
    def clean_batch(self, texts: Sequence[str]) -> list[Result]: ...

def clean(text: str, **settings: Unpack[Settings]) -> Result: ...
def check(text: str, **settings: Unpack[Settings]) -> list[Diagnostic]: ...
def clean_batch(texts: Sequence[str], **settings: Unpack[Settings]) -> list[Result]: ...
