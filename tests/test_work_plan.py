"""How a run is shared among workers: no more workers than the work pays for, chunks of even size."""

from __future__ import annotations

import pytest

from postlint import work_plan
from postlint.work_plan import CHUNK_BYTES, CHUNK_FILES, MIN_BYTES_PER_WORKER, chunks, worker_count


@pytest.mark.parametrize(
    ("jobs", "total", "cores", "expected"),
    [
        (2, 10 * MIN_BYTES_PER_WORKER, 8, 2),  # --jobs is the most a run may use
        (0, 10 * MIN_BYTES_PER_WORKER, 8, 8),  # 0: one per usable core
        (0, 3 * MIN_BYTES_PER_WORKER, 8, 3),  # no more than the work feeds
        (4, MIN_BYTES_PER_WORKER - 1, 8, 1),  # small work: one process, however many cores
        (0, 0, 2, 1),
    ],
)
def test_worker_count(monkeypatch: pytest.MonkeyPatch, jobs: int, total: int, cores: int, expected: int) -> None:
    monkeypatch.setattr(work_plan, "idle_cores", lambda: cores)
    sizes = [total // 100] * 100
    sizes[0] += total - sum(sizes)
    assert worker_count(jobs, sizes) == expected


@pytest.mark.parametrize(
    ("machine", "usable", "busy", "expected"),
    [
        (2, 2, 0.2, 2),  # idle: every core
        (2, 2, 0.8, 1),  # one core's worth of other work: what is left rounds to one
        (2, 2, 0.4, 2),
        (2, 2, 3.7, 1),  # overloaded: still one
        (8, 8, 2.0, 6),
        (2, 2, None, 2),  # no load known: every core
        (64, 2, 40.0, 2),  # a CPU set of the machine: its load says nothing of these two cores
    ],
)
def test_idle_cores_leave_out_what_other_work_keeps_busy(
    monkeypatch: pytest.MonkeyPatch, machine: int, usable: int, busy: float | None, expected: int
) -> None:
    monkeypatch.setattr(work_plan, "usable_cores", lambda: usable)
    monkeypatch.setattr(work_plan.os, "cpu_count", lambda: machine)
    monkeypatch.setattr(work_plan, "other_work", lambda: busy)
    assert work_plan.idle_cores() == expected


@pytest.mark.parametrize(
    ("loadavg", "busy"),
    [
        (b"1.69 1.93 1.71 3/114 6822\n", 1.69),  # two others running, averaging 1.69
        (b"1.95 1.50 1.20 1/114 6822\n", 0.0),  # only this run now: the average is a run just ended
        (b"0.30 0.20 0.10 4/114 6822\n", 0.30),  # a moment's crowd, not the minute's
    ],
)
def test_busy_cores_is_the_average_capped_by_what_runs_now(loadavg: bytes, busy: float) -> None:
    assert work_plan.busy_cores(loadavg) == pytest.approx(busy)


def test_a_given_jobs_is_not_lowered_by_the_load(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(work_plan, "usable_cores", lambda: 2)
    monkeypatch.setattr(work_plan.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(work_plan, "other_work", lambda: 4.0)
    sizes = [MIN_BYTES_PER_WORKER] * 4
    assert worker_count(2, sizes) == 2
    assert worker_count(0, sizes) == 1


def test_this_machine_says_how_busy_it_is() -> None:
    busy = work_plan.other_work()
    assert busy is None or busy >= 0


def test_chunks_are_cut_by_bytes_and_keep_order() -> None:
    sizes = [CHUNK_BYTES] * 3 + [10] * (CHUNK_FILES + 5) + [CHUNK_BYTES // 2] * 4
    ranges = chunks(sizes)
    assert ranges[:3] == [(0, 1), (1, 2), (2, 3)]  # a large file is a chunk of its own
    assert ranges[3] == (3, 3 + CHUNK_FILES)  # many small files: at most CHUNK_FILES a chunk
    covered = [i for start, end in ranges for i in range(start, end)]
    assert covered == list(range(len(sizes)))


def test_no_files_no_chunks() -> None:
    assert chunks([]) == []


def test_file_sizes_of_a_missing_file(tmp_path) -> None:
    posting = tmp_path / "a.md"
    posting.write_text("x" * 100, encoding="utf-8")
    assert work_plan.file_sizes([str(posting), str(tmp_path / "missing.md")]) == [100, work_plan.UNKNOWN_SIZE]
