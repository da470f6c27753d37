from typing import Optional

DEFAULT_MAX_SIZE: int
DEFAULT_TIME_BUDGET: float
__version__: str

class DeboilError(Exception): ...

_Item = tuple[bytes, Optional[str], Optional[str], Optional[str], Optional[str]]

def clean_one(
    body: bytes,
    url: Optional[str],
    id: Optional[str],
    content_type: Optional[str],
    charset: Optional[str],
    source: str,
    max_size: int,
    time_budget: float,
) -> tuple[str, str]: ...
def clean_batch(
    items: list[_Item], source: str, jobs: int, max_size: int, time_budget: float
) -> list[tuple[str, str]]: ...
