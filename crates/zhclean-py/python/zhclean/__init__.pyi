from typing import Literal, Optional, Sequence

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

class Cleaner:
    """Settings resolved once; reuse it for many texts (it is safe to share between threads)."""

    def __init__(
        self,
        *,
        profile: Profile = "gb",
        convert: Optional[str] = None,
        disable: Sequence[str] = (),
        unsafe_fixes: bool = False,
        paragraph_separator: Separator = "blank-line",
    ) -> None: ...
    def clean(self, text: str) -> Result: ...
    def check(self, text: str) -> list[Diagnostic]: ...
    def clean_batch(self, texts: Sequence[str]) -> list[Result]: ...

def clean(
    text: str,
    *,
    profile: Profile = "gb",
    convert: Optional[str] = None,
    disable: Sequence[str] = (),
    unsafe_fixes: bool = False,
    paragraph_separator: Separator = "blank-line",
) -> Result: ...
def check(
    text: str,
    *,
    profile: Profile = "gb",
    convert: Optional[str] = None,
    disable: Sequence[str] = (),
    unsafe_fixes: bool = False,
    paragraph_separator: Separator = "blank-line",
) -> list[Diagnostic]: ...
def clean_batch(
    texts: Sequence[str],
    *,
    profile: Profile = "gb",
    convert: Optional[str] = None,
    disable: Sequence[str] = (),
    unsafe_fixes: bool = False,
    paragraph_separator: Separator = "blank-line",
) -> list[Result]: ...
