"""`python -m indexer.cluster start|stop [--dir DIR]`: a local three-node cluster (see server)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from indexer.cluster.server import LocalCluster, ServerMissing

DEFAULT_DIR = Path("var/cluster")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m indexer.cluster", description=__doc__)
    parser.add_argument("command", choices=("start", "stop", "status"))
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="data dirs, logs, pids")
    parser.add_argument(
        "--port", type=int, default=8108, help="first API port; peering ports are 1000 lower"
    )
    args = parser.parse_args(argv)
    running = LocalCluster.load(args.dir)
    if args.command == "stop":
        if running is None:
            print(f"no cluster started from {args.dir}")
            return 0
        running.stop()
        print(f"stopped the cluster in {args.dir}")
        return 0
    alive = running is not None and any(n.running() for n in running.nodes)
    if alive and (args.command == "status" or running.leader() is not None):
        _describe(running)
        return 0
    if args.command == "status":
        print(f"no cluster running from {args.dir}")
        return 1
    if alive:  # a cluster without a leader: start it afresh rather than beside it
        running.stop()
    try:
        cluster = LocalCluster(args.dir, api_port=args.port).start()
    except ServerMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except TimeoutError as exc:
        LocalCluster.load(args.dir).stop()
        print(f"error: {exc}", file=sys.stderr)
        return 1
    _describe(cluster)
    return 0


def _describe(cluster: LocalCluster) -> None:
    leader = cluster.leader()
    print(f"Typesense cluster in {cluster.root}: leader {leader.url if leader else 'none yet'}")
    print("Point the app at it:")
    print("  export KHOJALY_SEARCH_ENGINE=typesense")
    print(f"  export KHOJALY_SEARCH_TYPESENSE_NODES={cluster.nodes_spec}")
    print(f"  export KHOJALY_SEARCH_TYPESENSE_API_KEY={cluster.api_key}")


if __name__ == "__main__":
    sys.exit(main())
