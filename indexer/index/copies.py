"""Copies of one text (an agency's story republished by many sites), found at build time.

Each document's clean text becomes a MinHash signature of its word shingles (in numpy: a
word is hashed once, a shingle's hash mixed from its words' hashes); LSH banding finds pairs
whose estimated Jaccard similarity reaches THRESHOLD, and connected pairs form a copy group.
The threshold and shingle size were measured with `python -m bench copies` on generated
copies (small edits, other headlines and furniture, cut endings) against different articles
that share paragraphs; see bench/README.md.

Signatures are kept per index version (copies.npz), so an update computes only the changed
documents' signatures, and compares only those (and the groups they were in) with the stored
ones: the other groups (copies.json: id -> group id) are kept as they were.
"""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

import numpy as np

NUM_PERM = 64
SHINGLE = 4  # words per shingle
THRESHOLD = 0.5  # estimated Jaccard similarity of shingle sets
MIN_SHINGLES = 8  # shorter texts are too short to call copies
SIGNATURES = "copies.npz"
GROUPS = "copies.json"
WORD = re.compile(r"\w+")


def signature(text: str) -> np.ndarray | None:
    """The MinHash of the text's word shingles (uint32 per permutation), None if too short."""
    hashes = _shingle_hashes(WORD.findall(text.casefold()))
    if len(hashes) < MIN_SHINGLES:
        return None
    out = np.full(NUM_PERM, 2**64 - 1, dtype=np.uint64)
    for i in range(0, len(hashes), _BATCH):  # a long report: bounded memory
        permuted = hashes[i : i + _BATCH, None] * _A
        permuted += _B
        np.minimum(out, permuted.min(axis=0), out=out)
    # the high half of the least value is the least high half: one shift per permutation
    return (out >> np.uint64(32)).astype(np.uint32)


# Permutations h -> the high 32 bits of (a·h + b) mod 2**64, a odd (multiply-add-shift, a
# universal hash family that needs no division): one pass of numpy's wrapping arithmetic.
_A, _B = np.random.default_rng(1).integers(0, 2**64, (2, NUM_PERM), np.uint64, endpoint=False)
_A |= np.uint64(1)
# Shingle mixers: well-known 64-bit hash constants as a float64 array once rounded them (low
# bits gone), kept as they were so that saved signatures stay valid.
_MIXERS = np.array(
    [0x9E3779B97F4A8000, 0xC2B2AE3D27D4E800, 0x165667B19E377A00, 0x27D4EB2F16566800], np.uint64
)
_BATCH = 4096  # shingles permuted at a time
CACHE_LIMIT = 500_000  # words whose hash is kept per process


class _WordHashes(dict):
    """Word -> its crc32, worked out on the first look-up of the word (in this process)."""

    def __missing__(self, word: str) -> int:
        code = self[word] = zlib.crc32(word.encode("utf-8"))
        return code


_WORD_HASHES = _WordHashes()


def _shingle_hashes(words: list[str]) -> np.ndarray:
    """One 32-bit hash per distinct shingle: each word is hashed once (crc32), and a shingle's
    SHINGLE word hashes are mixed into one in numpy, without making the shingle's string."""
    count = len(words) - SHINGLE + 1
    if count < 1:
        return np.empty(0, dtype=np.uint64)
    known = _WORD_HASHES
    if len(known) >= CACHE_LIMIT:
        known.clear()
    codes = np.fromiter(map(known.__getitem__, words), np.uint64, len(words))
    mixed = codes[:count] * _MIXERS[0]
    for k in range(1, SHINGLE):  # wrapping arithmetic; the high half is the best mixed
        mixed += codes[k : k + count] * _MIXERS[k]
    mixed >>= np.uint64(32)
    # distinct values by a sort: np.unique costs ten times as much on arrays this small
    mixed.sort()
    return mixed[np.r_[True, mixed[1:] != mixed[:-1]]]


def shingles(text: str) -> set[str]:
    words = WORD.findall(text.casefold())
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


def text_similarity(a: str, b: str) -> float:
    """Exact Jaccard similarity of two texts' shingle sets (for a few documents at a time)."""
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb) if sa or sb else 1.0


# LSH banding as datasketch's MinHashLSH sets it for THRESHOLD and NUM_PERM: two documents are
# compared when one band of ROWS hash values is equal in both. Each band is mixed into one
# 64-bit integer (equal bands, equal keys), so candidates come from sorting in numpy.
BANDS, ROWS = 14, 4


def _band_keys(matrix: np.ndarray) -> np.ndarray:
    """One uint64 per document and band (wrapping arithmetic: a hash, checked afterwards)."""
    values = matrix[:, : BANDS * ROWS].astype(np.uint64)
    keys = np.zeros((len(matrix), BANDS), dtype=np.uint64)
    for row in range(ROWS):  # whole columns at a time: a sum over a short axis is slow
        keys += values[:, row::ROWS] * _MIXERS[row]
    return keys


def _copy_pairs(matrix: np.ndarray, rows: np.ndarray | None, threshold: float) -> np.ndarray:
    """Row pairs (k × 2) that share a band and whose signatures agree on `threshold` of their
    values; with `rows`, only pairs that hold one of those rows (the rest is as it was)."""
    keys = _band_keys(matrix)
    if rows is not None:  # no sorting: the rows' keys are looked for in each band's column
        wanted = keys[rows]
        hit = np.zeros(len(matrix), dtype=bool)
        for band in range(BANDS):
            hit |= np.isin(keys[:, band], wanted[:, band])
        others = np.flatnonzero(hit)
        shared = np.zeros((len(others), len(rows)), dtype=bool)
        for band in range(BANDS):
            shared |= keys[others, band][:, None] == wanted[None, :, band]
        found_other, found_row = np.nonzero(shared)
        found = [np.stack([rows[found_row], others[found_other]], axis=1)]
    else:  # every bucket of two or more documents, from each band's column sorted
        found = []
        for band in range(BANDS):
            column = keys[:, band]
            order = np.argsort(column, kind="stable")
            ranked = column[order]
            starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
            sizes = np.diff(np.r_[starts, len(ranked)])
            shared = sizes > 1
            for a, size in zip(starts[shared].tolist(), sizes[shared].tolist(), strict=True):
                i, j = np.triu_indices(size, 1)
                found.append(np.stack([order[a : a + size][i], order[a : a + size][j]], axis=1))
    if not found:
        return np.empty((0, 2), dtype=np.intp)
    pairs = np.concatenate(found)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    pairs = np.unique(np.sort(pairs, axis=1), axis=0)
    agree = (matrix[pairs[:, 0]] == matrix[pairs[:, 1]]).mean(axis=1)
    return pairs[agree >= threshold]


def group(ids: list[str], matrix: np.ndarray, threshold: float = THRESHOLD) -> dict[str, str]:
    """Document id -> copy group id (the group's smallest id), for documents with copies."""
    return _components(ids, _copy_pairs(matrix, None, threshold), {})


def regroup(
    groups: dict[str, str],
    ids: list[str],
    matrix: np.ndarray,
    touched: set[str],
    threshold: float = THRESHOLD,
) -> dict[str, str]:
    """`group` after a change, from the groups before it: only the `touched` documents (added,
    changed or removed) and the groups they were in are compared with the others again; every
    other group keeps its members, and may only gain some."""
    members: dict[str, list[str]] = {}
    for doc_id, gid in groups.items():
        members.setdefault(gid, []).append(doc_id)
    broken = {groups[i] for i in touched if i in groups}
    kept = {i: g for i, g in groups.items() if g not in broken}
    again = touched.union(*(members[g] for g in broken))
    rows = np.array([n for n, doc_id in enumerate(ids) if doc_id in again], dtype=np.intp)
    pairs = _copy_pairs(matrix, rows, threshold) if len(rows) else np.empty((0, 2), np.intp)
    return _components(ids, pairs, kept, members)


def _components(
    ids: list[str],
    pairs: np.ndarray,
    kept: dict[str, str],
    members: dict[str, list[str]] | None = None,
) -> dict[str, str]:
    """Groups of the documents joined by `pairs` (rows of `ids`), on top of the `kept` groups:
    a document of a kept group stands for its whole group."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs.tolist():
        # a kept group joins as one node, named by its group id (itself one of its members)
        ra, rb = root(kept.get(ids[a], ids[a])), root(kept.get(ids[b], ids[b]))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    kept_ids = set(kept.values())
    out = {i: g for i, g in kept.items() if g not in parent}
    found: dict[str, list[str]] = {}
    for node in list(parent):
        nodes = members[node] if members and node in kept_ids else [node]
        found.setdefault(root(node), []).extend(nodes)
    for group_members in found.values():
        group_members = sorted(set(group_members))
        if len(group_members) > 1:
            out.update((m, group_members[0]) for m in group_members)
    return out


def load_signatures(version_dir: Path) -> tuple[list[str], np.ndarray]:
    """The ids and signature matrix (one row each) saved with a version."""
    try:
        with np.load(version_dir / SIGNATURES, allow_pickle=False) as data:
            ids, matrix = data["ids"].tolist(), data["signatures"]
    except (OSError, KeyError, ValueError):
        return [], np.empty((0, NUM_PERM), dtype=np.uint32)
    return ids, matrix.reshape(len(ids), NUM_PERM)


def update(
    version_dir: Path,
    signatures: dict[str, np.ndarray],
    dropped: set[str] = frozenset(),
    incremental: bool = False,
) -> dict[str, str]:
    """Save the signatures of the new and changed documents (`signatures`) in place of those of
    the `dropped` ones and write the groups they make; returns the groups. `incremental`: the
    folder holds the previous version's files, and only what changed is compared again."""
    ids, matrix = load_signatures(version_dir) if incremental else ([], None)
    gone = dropped | signatures.keys()
    keep = [n for n, doc_id in enumerate(ids) if doc_id not in gone]
    new_ids = sorted(signatures)
    ids = [ids[n] for n in keep] + new_ids
    fresh = np.array([signatures[i] for i in new_ids], dtype=np.uint32).reshape(-1, NUM_PERM)
    matrix = fresh if matrix is None else np.concatenate([matrix[keep], fresh])
    # New files replaced into place: the previous version's hard links keep the old ones.
    tmp = version_dir / (SIGNATURES + ".tmp")
    with open(tmp, "wb") as handle:
        np.savez(handle, ids=np.array(ids, dtype=str), signatures=matrix)
    tmp.replace(version_dir / SIGNATURES)
    if incremental:
        groups = regroup(load_groups(version_dir), ids, matrix, set(gone))
    else:
        groups = group(ids, matrix)
    tmp = version_dir / (GROUPS + ".tmp")
    tmp.write_text(json.dumps(groups, ensure_ascii=False), encoding="utf-8")
    tmp.replace(version_dir / GROUPS)
    return groups


def load_groups(version_dir: Path) -> dict[str, str]:
    try:
        return json.loads((version_dir / GROUPS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
