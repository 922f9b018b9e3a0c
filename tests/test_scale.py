"""The Dask path against a real `dask scheduler` and two `dask worker` processes."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.errors import ArticleError
from eventwire.records import Article

pytestmark = [
    pytest.mark.model,
    pytest.mark.slow,
]

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def articles() -> list[Article | ArticleError]:
    texts = [
        "Prime Minister Ana Lopez met President John Smith in Madrid on Tuesday.",
        "Police arrested 12 protesters outside parliament in London, officials said.",
        "Japan agreed to send food aid to Nigeria after the floods, the ministry said.",
        "Italy's foreign minister accused Russia of violating the ceasefire.",
        "Brazil threatened sanctions against the company on Friday.",
        "Thousands marched in Paris on Saturday to protest the pension reform.",
        "The United Nations called for an immediate ceasefire in Sudan.",
    ]
    out: list[Article | ArticleError] = []
    for i in range(8):
        out.append(Article(id=f"s{i}", text=f"{texts[i % 7]} Item {i}."))
        if i == 4:
            out.append(ArticleError("input:5", "empty article"))
    return out


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    dask = shutil.which("dask", path=str(BIN)) or shutil.which("dask")
    if dask is None:
        pytest.skip("the dask command is not installed")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        for _ in range(2):
            procs.append(subprocess.Popen(
                [dask, "worker", address, "--host", "127.0.0.1", "--nworkers", "1",
                 "--nthreads", "1", "--no-dashboard", "--memory-limit", "0"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        from distributed import Client

        deadline = time.monotonic() + 60
        while True:  # bounded: the scheduler may take a moment to listen
            try:
                with Client(address, timeout="5s") as client:
                    client.wait_for_workers(2, timeout=max(deadline - time.monotonic(), 1))
                break
            except (OSError, TimeoutError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield address
    finally:
        for proc in reversed(procs):
            proc.kill()
        for proc in procs:
            proc.wait(timeout=30)


def as_dicts(results: list[object]) -> list[object]:
    return [r.to_dict() if hasattr(r, "to_dict") else str(r) for r in results]


def test_scale_two_workers_equal_single_process(scheduler: str, nlp: object) -> None:
    from distributed import Client

    from eventwire.pipeline import extract_many
    from eventwire.scale import extract_distributed, worker_info

    single = as_dicts(list(extract_many(articles(), nlp=nlp)))  # type: ignore[arg-type]
    with Client(scheduler) as client:
        spread = as_dicts(list(extract_distributed(articles(), client, batch_size=3)))
        info = client.run(worker_info)
    assert spread == single
    assert len(info) == 2
    assert [w["model_loads"] for w in info.values()] == [1, 1]
    assert "input:5: empty article" in single


def test_scale_cli_scheduler_writes_the_same_db(scheduler: str, tmp_path: Path) -> None:
    from eventwire.cli import main
    from eventwire.store import Store

    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps({"id": a.id, "text": a.text}) + "\n"
                              for a in articles() if isinstance(a, Article)), encoding="utf-8")
    assert main(["extract", str(corpus), "--db", str(tmp_path / "one.duckdb")]) == 0
    assert main(["extract", str(corpus), "--db", str(tmp_path / "dask.duckdb"),
                 "--scheduler", scheduler, "--out", str(tmp_path / "dask.jsonl")]) == 0
    with Store(tmp_path / "one.duckdb", read_only=True) as one, \
            Store(tmp_path / "dask.duckdb", read_only=True) as spread:
        for table in ("articles", "actors", "events", "quotes", "places", "stories"):
            sql = f"SELECT * FROM {table} ORDER BY ALL"
            assert one.query(sql) == spread.query(sql)
    lines = (tmp_path / "dask.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["article"]["id"] for line in lines] == [f"s{i}" for i in range(8)]
