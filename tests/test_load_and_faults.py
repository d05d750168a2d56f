"""Under load and faults: clients keep searching a gunicorn server while builds switch
versions and some builds are killed with kill -9. Every search answers, and with the totals
of a whole index, old or new; a killed build is never served."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from servers import gunicorn_command, running_server

from indexer.index.build import build_index
from tests.conftest import ROOT, write_jsonl

pytestmark = pytest.mark.slow

CLIENTS = 3
PAUSE = 0.02  # seconds between one client's searches: the load must not starve the builds


def archive(path, n):
    rng = random.Random(n)
    words = ["memorial", "village", "winter", "refugees", "survivors", "testimony"]
    docs = [
        {"id": f"d{i}", "text": "zeta " + " ".join(rng.choice(words) for _ in range(300))}
        for i in range(n)
    ]
    return write_jsonl(path, docs)


def build_command(jsonl, index):
    return [sys.executable, "-m", "indexer", "build", "--jsonl", str(jsonl), "--index", str(index)]


def test_searches_never_fail_while_builds_switch_and_get_killed(tmp_path):
    index = tmp_path / "index"
    small, large = archive(tmp_path / "small.jsonl", 60), archive(tmp_path / "large.jsonl", 80)
    never = archive(tmp_path / "never.jsonl", 600)  # its builds are always killed
    build_index(index, jsonl=small)
    failures, totals = [], set()
    stop = threading.Event()

    def client(base_url, seed):
        rng = random.Random(seed)
        while not stop.is_set():
            q = rng.choice(["zeta", "zeta memorial", ""])
            url = f"{base_url}/api/search?" + urllib.parse.urlencode({"q": q, "per_page": 1})
            try:
                with urllib.request.urlopen(url, timeout=20) as response:
                    totals.add(json.loads(response.read())["total"])
            except (urllib.error.URLError, OSError, ValueError) as exc:
                failures.append(f"{url}: {exc}")
            time.sleep(PAUSE)

    with running_server(gunicorn_command, index) as base_url:
        threads = [threading.Thread(target=client, args=(base_url, i)) for i in range(CLIENTS)]
        for thread in threads:
            thread.start()
        try:
            kills = 0
            for jsonl in (large, never, small, never):
                proc = subprocess.Popen(
                    build_command(jsonl, index),
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                if jsonl is never:
                    _kill_while_writing(proc, index, random.uniform(0.0, 0.8))
                    kills += 1
                else:
                    assert proc.wait(timeout=120) == 0
                    time.sleep(0.3)  # let the clients meet the new version
        finally:
            stop.set()
            for thread in threads:
                thread.join()
    assert kills == 2
    assert failures == []
    assert totals == {60, 80}, totals


def _kill_while_writing(proc, index, delay):
    versions = index / "versions"
    before = set(os.listdir(versions))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not set(os.listdir(versions)) - before:
        time.sleep(0.01)
    time.sleep(delay)
    assert proc.poll() is None, "the build finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def test_a_long_non_latin_query_reaches_the_api_under_gunicorn(seed_index):
    words = "Ходжалы Խոջալու " * 63  # 1,000 characters: the longest q the API takes
    with running_server(gunicorn_command, seed_index) as base_url:
        url = f"{base_url}/api/search?" + urllib.parse.urlencode({"q": words[:1000]})
        assert len(url) > 5000  # over gunicorn's default limit of 4,094 bytes
        try:
            with urllib.request.urlopen(url, timeout=20) as response:
                status, kind = response.status, response.headers["Content-Type"]
        except urllib.error.HTTPError as answer:
            status, kind = answer.code, answer.headers["Content-Type"]
        # the API's own answer (a result, or a problem if the query is too complex)
        assert (status, kind) in {(200, "application/json"), (400, "application/problem+json")}
        too_long = f"{base_url}/api/search?q=" + "x" * 9000
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(too_long, timeout=20)
        assert refused.value.code in (400, 414)  # gunicorn's own answer, as the README says
