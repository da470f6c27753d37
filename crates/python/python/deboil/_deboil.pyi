from typing import Any, Optional, Union

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
def submit_batch(
    items: list[_Item], source: str, jobs: int, max_size: int, time_budget: float
) -> BatchJob: ...

class BatchJob:
    def wait(self) -> list[tuple[str, str]]: ...

class RecordStream:
    @staticmethod
    def open(
        path: str, source: str, jobs: int, max_size: int, time_budget: float, lines: bool, emit_status: bool
    ) -> RecordStream: ...
    @staticmethod
    def from_bytes(
        data: bytes, source: str, jobs: int, max_size: int, time_budget: float, lines: bool, emit_status: bool
    ) -> RecordStream: ...
    @staticmethod
    def fed(
        source: str, jobs: int, max_size: int, time_budget: float, lines: bool, emit_status: bool
    ) -> RecordStream: ...
    def feed(self, lines: list[Union[str, bytes]]) -> None: ...
    def close(self) -> None: ...
    def next_batch(self) -> Optional[list[Any]]: ...
    def ready(self) -> list[list[Any]]: ...
