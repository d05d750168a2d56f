"""One Whoosh segment written block by block, its postings prepared in parallel.

Whoosh's own writer makes several Python calls per posting and sorts every posting through a
temporary pool on disk before writing it: at about 370 postings per document that is most of
a build. Here each helper process takes a chunk of documents whose document numbers are fixed
in advance, analyses them, groups their words by term (text_postings: one sort of the chunk's
words, not Python steps per posting), and writes each term's postings of that chunk as finished
blocks in Whoosh's format (the W3 codec's pickled, zlib-compressed blocks). This process
meanwhile writes the per-document columns (stored fields, field lengths, facet columns) with
Whoosh's own per-document writer, and at the end joins the chunks' blocks of each term end to
end (a byte copy: document numbers are already final) into the segment's term table and
postings file.

Nothing on disk differs in kind from what Whoosh writes: the same files (.trm, .pst, .col),
the same block and term-info encodings; a term's postings may just be cut into more blocks
(a block never spans two chunks). Stock Whoosh opens and searches the result. Beside them,
the text fields' postings are also written as plain arrays (indexer.index.posting_arrays),
which the search core reads instead of the blocks; Whoosh ignores those files.
"""

from __future__ import annotations

import gc
import heapq
import itertools
import multiprocessing
import pickle
import shutil
import threading
import zlib
from array import array
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.filedb.filetables import OrderedHashWriter
from whoosh.system import pack_int, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

from indexer.analysis.keys import load_tables
from indexer.index.posting_arrays import ChunkArrays, SegmentArrays
from indexer.index.schema import WordPositions
from indexer.index.spellings import pairs_of_words
from indexer.index.text_postings import TextPostings, Vocabulary

BLOCK_LIMIT = 128  # postings per block, as Whoosh's W3 codec writes them
COMPRESSION = 3  # zlib level of Whoosh's W3 codec
# Whoosh compresses every block; a block's info records whether it is. A word met in one
# document of a chunk makes a block of 70 to 130 bytes (most blocks are such): zlib saves
# nothing below about 96 bytes and a tenth of the bytes up to 128, at a call to write and one
# to read each, and blocks of this size were half of a build's zlib calls.
COMPRESS_FROM = 128
PAIR_SHARES = 2  # shares of each chunk's spelling-pair work per helper
INDEX_BATCH = 2000  # term entries per pickle in a chunk's index file
_LAST = object()

# What a helper process works on, set before the pool forks so tasks carry only numbers.
_TASK: dict = {}
_REPORTED: set[str] = set()  # words this process has already reported


class Chunk:
    """What one helper returns for a chunk: the per-document part (for this process's columns)
    and where the chunk's posting blocks and their term index were written."""

    def __init__(self, docs, lengths, blocks: Path, index: Path, words: set, extras: list, sizes):
        self.docs, self.lengths, self.blocks, self.index = docs, lengths, blocks, index
        self.sizes = sizes  # of its text arrays (posting_arrays.ChunkSizes)
        self.extras = extras  # per_document(doc) of each document, worked out in the helper
        self.words = words  # words as written that this helper had not reported before


def write_segment(
    storage,
    schema,
    segment,
    records: Sequence,
    analyse: Callable,
    fields_of: Callable[..., dict],
    on_document: Callable | None = None,
    on_pairs: Callable | None = None,
    processes: int = 1,
    chunk_docs: int = 1000,
    per_document: Callable | None = None,
    known_words: set[str] | None = None,
) -> int:
    """Analyse `records` and write them as `segment` (document numbers 0..n-1) into `storage`.

    `analyse(record)` gives a document, `fields_of(document)` its Whoosh field values;
    `on_document(document, per_document(document))` is called for each, in order, in this
    process (`per_document` runs in the helpers, None without it), and `on_pairs`
    with the spelling pairs (indexer.index.spellings) of their words but the `known_words`
    (words as written whose pairs were reported before; the new ones are added to it). With
    `processes` above 1, chunks are analysed and encoded by that many forked helpers. Returns
    the number of documents written; the caller lists the segment in a TOC."""
    work = Path(storage.folder) / f"{segment.segment_id()}.chunks"
    work.mkdir()
    codec = segment.codec()
    perdoc = codec.per_document_writer(storage, segment)
    spans = [(i, min(i + chunk_docs, len(records))) for i in range(0, len(records), chunk_docs)]
    chunks: list[Chunk] = []
    docnum = 0
    task = {"analyse": analyse, "fields_of": fields_of, "per_document": per_document}
    submitted: set[str] = set()  # words whose spelling pairs the helpers were given
    found: list[Iterator] = []
    if on_pairs is not None and processes > 1:
        # the tables that spelling keys consult, read here once for all the helpers: read by
        # each helper, they cost every one of them a few seconds and its own copy
        load_tables()
    try:
        with _helpers(records, work, schema, task, processes, len(spans)) as run:
            for chunk in run(_encode_chunk_task, enumerate(spans)):
                # Spelling pairs once per distinct word of the whole segment, shared out among
                # the helpers: worked out per chunk, each helper would redo the words the
                # others met too (over 40% of this work at 10,000 documents). A chunk's new
                # words are handed out as soon as it is back: the helpers take them up after
                # the chunks, with no core idle while this process writes the last columns,
                # closes them and joins the postings.
                if on_pairs is not None:
                    new = chunk.words.difference(submitted)
                    if known_words is not None:
                        new -= known_words
                    submitted |= new
                    found.append(run(pairs_of_words, _shares(new, processes * PAIR_SHARES)))
                for doc, lengths, extra in zip(
                    chunk.docs, chunk.lengths, chunk.extras, strict=True
                ):
                    _add_columns(perdoc, schema, docnum, fields_of(doc), lengths)
                    if on_document is not None:
                        on_document(doc, extra)
                    docnum += 1
                chunk.docs = chunk.lengths = chunk.words = chunk.extras = None  # keep the files
                chunks.append(chunk)
            perdoc.close()
            segment.set_doc_count(docnum)
            _join_postings(storage, segment, chunks, work)
            for pairs in itertools.chain.from_iterable(found):
                on_pairs(pairs)
        if known_words is not None:
            known_words |= submitted
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(Path(storage.folder) / f"{segment.indexname}.tmp", ignore_errors=True)
    return docnum


@contextmanager
def _helpers(records, work, schema, task: dict, processes: int, chunks: int):
    """A map function that runs tasks in `processes` forked helpers (or here), in order."""
    _TASK.update(records=records, work=work, schema=schema, **task)
    _REPORTED.clear()
    try:
        # Forking a process that runs other threads can deadlock the child: stay serial there.
        if processes < 2 or chunks < 2 or threading.active_count() > 1:
            yield map
            return
        # The records and tables stay shared with the helpers only while no collector walks
        # them (each walk writes to every object, copying its page into the helper).
        gc.freeze()
        try:
            with multiprocessing.get_context("fork").Pool(processes) as pool:
                # imap keeps results in order; helpers run ahead by at most the pool's task
                # queue, and this process consumes a chunk far faster than a helper makes one.
                yield pool.imap
        finally:
            gc.unfreeze()
    finally:
        _TASK.clear()


def _shares(words: set[str], count: int) -> list[set[str]]:
    """`count` shares of about equal size, each a run of the words in case-blind order: a
    word and its capitalized form go to the same helper, which works out their common keys
    once (indexer.index.spellings)."""
    ordered = sorted(words, key=str.lower)
    count = max(1, count)
    return [
        set(ordered[len(ordered) * i // count : len(ordered) * (i + 1) // count])
        for i in range(count)
    ]


def _encode_chunk_task(task) -> Chunk:
    # A chunk's postings are millions of small lists that live until the chunk is written and
    # hold no cycles: the cyclic collector would only walk them again and again.
    gc.disable()
    try:
        return _encode_chunk(*task)
    finally:
        gc.enable()


def _encode_chunk(number: int, span: tuple[int, int]) -> Chunk:
    """Analyse one chunk of records and write its posting blocks (helper process side)."""
    start, end = span
    schema, fields_of = _TASK["schema"], _TASK["fields_of"]
    docs = [_TASK["analyse"](r) for r in _TASK["records"][start:end]]
    # field -> its TextPostings for our text fields, or -> term -> [document numbers, weights,
    # encoded values] for the others (as Whoosh's field.index() gives them).
    vocabulary = Vocabulary()
    arrays = ChunkArrays(start, end)
    postings: dict[str, TextPostings | dict] = {}
    field_lengths: dict[str, array] = {}
    all_lengths: list[dict[str, int]] = []
    for docnum, doc in enumerate(docs, start):
        lengths = {}
        for name, value in fields_of(doc).items():
            field = schema[name]
            if value is None or not field.indexed:
                continue
            if isinstance(field.format, WordPositions):
                if name not in postings:
                    postings[name] = TextPostings(vocabulary)
                length = postings[name].add(value, docnum)
            else:
                length = _add_other(postings.setdefault(name, {}), field, value, docnum)
            if length and field.scorable:
                lengths[name] = length
                # Whoosh's writer reads lengths back from the one-byte length column
                quantized = byte_to_length(length_to_byte(length))
                field_lengths.setdefault(name, array("I", bytes(4 * (end - start))))
                field_lengths[name][docnum - start] = quantized
        all_lengths.append(lengths)
    blocks_path = _TASK["work"] / f"{number:06d}.blocks"
    index_path = _TASK["work"] / f"{number:06d}.index"
    with open(blocks_path, "wb") as blocks, open(index_path, "wb") as index:
        batch = []
        offset = 0  # in the blocks file (counted here: tell() is a system call per term)
        for name in sorted(postings):
            fmt = schema[name].format
            fixed = fmt.fixed_value_size()
            lengths = field_lengths.get(name)
            for btext, ids, weights, values, first in _field_postings(
                postings.pop(name), fmt, arrays
            ):
                piece, stats = _postings_bytes(ids, weights, values, lengths, start, fixed)
                batch.append(((name, btext), number, offset, len(piece), stats, first))
                blocks.write(piece)
                offset += len(piece)
                if len(batch) >= INDEX_BATCH:
                    pickle.dump(batch, index, pickle.HIGHEST_PROTOCOL)
                    batch = []
        if batch:
            pickle.dump(batch, index, pickle.HIGHEST_PROTOCOL)
    sizes = arrays.save(_TASK["work"], number)
    words = set(vocabulary.of_word)  # the text fields' words as written
    words.difference_update(_REPORTED)
    _REPORTED.update(words)  # this process has sent them: spare the pipe
    per_document = _TASK["per_document"]
    extras = [per_document(d) for d in docs] if per_document else [None] * len(docs)
    return Chunk(docs, all_lengths, blocks_path, index_path, words, extras, sizes)


def _field_postings(postings, fmt, arrays: ChunkArrays) -> Iterator[tuple]:
    """(term, document numbers, weights, values, (first posting, first position) in `arrays`
    or None) of each term of one field, terms in order."""
    if isinstance(postings, TextPostings):
        yield from postings.postings(fmt.field_boost, arrays)
        return
    # sorted str and sorted UTF-8 bytes agree: both follow code points
    for term in sorted(postings):
        ids, weights, values = postings.pop(term)
        yield term, ids, array("f", weights), values, None


def _add_other(terms: dict, field, value, docnum: int) -> int:
    length = 0
    for btext, freq, weight, vbytes in field.index(value):
        length += freq
        entry = terms.get(btext)
        if entry is None:
            terms[btext] = ([docnum], [weight], [vbytes])
        else:
            entry[0].append(docnum)
            entry[1].append(weight)
            entry[2].append(vbytes)
    return length


def _postings_bytes(ids, weights, values, lengths, start, fixed) -> tuple[bytes, tuple]:
    """One term's postings of one chunk as W3 blocks (every length positive: the block that
    ends the whole posting list is marked when the chunks are joined), and their statistics
    (df, weight, min length, max length, max weight, first id, last id, last block offset)."""
    out = []
    offset = last_offset = 0
    min_len = None
    max_len = 0
    max_weight = 0
    total = 0.0
    for i in range(0, len(ids), BLOCK_LIMIT):
        if len(ids) <= BLOCK_LIMIT:
            b_ids, b_weights, b_values = ids, weights, values
        else:
            b_ids, b_weights = ids[i : i + BLOCK_LIMIT], weights[i : i + BLOCK_LIMIT]
            b_values = values[i : i + BLOCK_LIMIT]
        if not all(b_values):  # Whoosh keeps only non-empty values
            b_values = [v for v in b_values if v]
        if lengths is not None:
            b_lengths = [n for n in (lengths[d - start] for d in b_ids) if n]
        else:
            b_lengths = []
        b_min = min(b_lengths) if b_lengths else None
        b_max = max(b_lengths) if b_lengths else 0
        b_weight = max(b_weights)
        block = _block(b_ids, b_weights, b_values, fixed, b_min, b_max, max(b_weight, 0))
        last_offset = offset
        out.append(block)
        offset += len(block)
        if b_min is not None:
            min_len = b_min if min_len is None else min(min_len, b_min)
        max_len = max(max_len, b_max)
        max_weight = max(max_weight, b_weight)
        total += sum(b_weights)
    stats = (len(ids), total, min_len, max_len, max_weight, ids[0], ids[-1], last_offset)
    return b"".join(out), stats


def _block(ids, weights, values, fixed, min_len, max_len, max_weight) -> bytes:
    """What whoosh.codec.whoosh3.W3PostingsWriter._write_block writes (but for compression)."""
    if fixed is None or fixed < 0:
        values = tuple(values)
    elif fixed == 0:
        values = None
    else:
        values = b"".join(values)
    deltas = [ids[0]]
    deltas.extend(b - a for a, b in zip(ids, ids[1:], strict=False))
    w0 = weights[0]
    same = weights.count(w0) == len(weights)
    mini_weights = (None if w0 == 1.0 else w0) if same else tuple(weights)
    data = pickle.dumps((tuple(deltas), mini_weights, values), 2)
    level = COMPRESSION if len(data) >= COMPRESS_FROM else 0
    if level:
        data = _compress(data, level)
    info = pickle.dumps(
        (len(ids), ids[-1], max_weight, level, length_to_byte(min_len), length_to_byte(max_len)),
        2,
    )
    return pack_int(len(info) + len(data)) + info + data


def _compress(data: bytes, level: int) -> bytes:
    """zlib.compress(data, level), with a window and hash table no larger than the data needs:
    the same bytes out for blocks this small, without setting up (and zeroing) 256 KB of
    compressor state per block, which made zlib.compress the slowest call of a build."""
    bits = max(9, min(15, (len(data) - 1).bit_length()))
    compressor = zlib.compressobj(level, zlib.DEFLATED, bits, max(1, bits - 7))
    return compressor.compress(data) + compressor.flush()


def _add_columns(perdoc, schema, docnum: int, values: dict, lengths: dict[str, int]) -> None:
    """Stored fields, field lengths and column values of one document, as
    whoosh.writing.SegmentWriter.add_document hands them to the per-document writer."""
    perdoc.start_doc(docnum)
    for name in sorted(values):
        value = values[name]
        if value is None:
            continue
        field = schema[name]
        perdoc.add_field(name, field, value if field.stored else None, lengths.get(name, 0))
        column = field.column_type
        if column:
            perdoc.add_column_value(name, column, field.to_column_value(value))
    perdoc.finish_doc()


def _join_postings(storage, segment, chunks: list[Chunk], work: Path) -> None:
    """The term table and postings file: each term's pieces from every chunk, in document order,
    copied end to end behind one header; only the final block's length changes sign. The
    chunks' text posting arrays are joined the same way (indexer.index.posting_arrays)."""
    codec = segment.codec()
    terms = OrderedHashWriter(segment.create_file(storage, codec.TERMS_EXT))
    fieldmap: dict[str, int] = {}
    terms.extras["fieldmap"] = fieldmap
    postfile = segment.create_file(storage, codec.POSTS_EXT)
    arrays = SegmentArrays([c.sizes for c in chunks])
    sources = [open(c.blocks, "rb") for c in chunks]  # noqa: SIM115 (closed below)
    try:
        # One entry at a time: the entries of a large build (every term of every chunk) would
        # take more memory than all else the build holds.
        entries = heapq.merge(*(_read_index(c.index) for c in chunks))
        current, pieces = None, []
        position = postfile.tell()  # then counted here: tell() is a system call
        for entry in itertools.chain(entries, [(_LAST,)]):
            key = entry[0]
            if key != current and pieces:
                name, btext = current
                if name not in fieldmap:
                    fieldmap[name] = len(fieldmap)
                info = _write_term(postfile, position, sources, pieces)
                position += info._length
                terms.add(pack_ushort(fieldmap[name]) + btext, info.to_bytes())
                if pieces[0][5] is not None:
                    arrays.add_term(name, btext, info._offset, pieces)
                pieces = []
            current = key
            if key is not _LAST:
                pieces.append(entry)
    finally:
        for source in sources:
            source.close()
        terms.close()
        postfile.close()
    arrays.write(storage.folder, segment.segment_id(), work)


def _write_term(postfile, start: int, sources, pieces) -> W3TermInfo:
    """Write a term's pieces at `start`, where the postings file stands."""
    info = W3TermInfo()
    postfile.write(WHOOSH3_HEADER_MAGIC)
    end = start + len(WHOOSH3_HEADER_MAGIC)
    for n, (_key, chunk, offset, size, stats, _first) in enumerate(pieces):
        source = sources[chunk]
        source.seek(offset)
        data = source.read(size)
        df, weight, min_len, max_len, max_weight, first, last, last_block = stats
        if n == len(pieces) - 1:  # the end of the posting list: a negative block length
            length = int.from_bytes(data[last_block : last_block + 4], "big", signed=True)
            data = data[:last_block] + pack_int(-length) + data[last_block + 4 :]
        postfile.write(data)
        end += len(data)
        info._weight += weight
        info._df += df
        if min_len is not None:
            info._minlength = min_len if info._minlength is None else min(info._minlength, min_len)
        info._maxlength = max(info._maxlength, max_len)
        info._maxweight = max(info._maxweight, max_weight)
        if info._minid is None:
            info._minid = first
        info._maxid = last
    info.set_extent(start, end - start)
    return info


def _read_index(path: Path) -> Iterator[tuple]:
    with open(path, "rb") as handle:
        while True:
            try:
                yield from pickle.load(handle)
            except EOFError:
                return
