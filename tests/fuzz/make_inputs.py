#!/usr/bin/env python3
"""Inputs for the libFuzzer harnesses of tests/fuzz.

  make_inputs.py seeds DIR        small valid inputs, one directory per harness (what
                                  tests/fuzz/corpus/ holds, made by this)
  make_inputs.py regressions DIR  the reproducers of issue 23 too large to keep in the
                                  tree: JSON nested 400,000 deep, forged counts in 1 MB
                                  (libFuzzer reads no more of an input than 1 MB)

An `entry` input is one byte picking the format (byte % 3: binary, portable_binary,
json) and the type (byte // 3 % 11: vector<double>, vector<vector<double>>, string,
map<string,int>, a struct, vector<array<double,64>>, a tree, forward_list<array<double,64>>,
unordered_set<string>, multimap<string,int>, bitset<100>), then the payload.
"""
import os
import struct
import sys

BINARY, PORTABLE, JSON = 0, 1, 2
VECTOR, NESTED, STRING, MAP, RECORD, BLOCKS, TREE, FORWARD, HASHED, MULTIMAP, BITSET = range(11)
MB = (1 << 20) - 32


def entry(fmt, typ, payload):
    return bytes([fmt + 3 * typ]) + payload


def u64(n, big=False):
    return struct.pack(">Q" if big else "<Q", n)


def binary_string(s):
    return u64(len(s)) + s


def seeds():
    doubles = u64(3) + struct.pack("<3d", 1.5, -2.0, 1e300)
    nested = u64(2) + doubles + u64(0)
    record = binary_string(b"name") + u64(2) + struct.pack("<2i", 7, -1) + u64(1) + binary_string(b"w") + struct.pack("<d", 0.5)
    tree = u64(2) + u64(1) + u64(0) + u64(0)
    return {
        "entry": {
            "binary-vector": entry(BINARY, VECTOR, doubles),
            "binary-nested": entry(BINARY, NESTED, nested),
            "binary-string": entry(BINARY, STRING, binary_string(b"hello")),
            "binary-map": entry(BINARY, MAP, u64(1) + binary_string(b"k") + struct.pack("<i", 3)),
            "binary-record": entry(BINARY, RECORD, record),
            "binary-blocks": entry(BINARY, BLOCKS, u64(1) + bytes(512)),
            "binary-tree": entry(BINARY, TREE, tree),
            "portable-vector": entry(PORTABLE, VECTOR, b"\x01" + doubles),
            "portable-record": entry(PORTABLE, RECORD, b"\x01" + record),
            # issue 23: an entry written big-endian; its ints were swapped in 8-byte units
            "portable-record-big-endian": entry(PORTABLE, RECORD, b"\x00" + u64(0, True) + u64(3, True) + struct.pack(">3i", 1, 2, 3) + u64(0, True)),
            "json-vector": entry(JSON, VECTOR, b'{\n    "value0": [\n        1.5,\n        -2.0\n    ]\n}'),
            "json-nested": entry(JSON, NESTED, b'{"value0": [[1.0], []]}'),
            "json-string": entry(JSON, STRING, b'{"value0": "hello"}'),
            "json-map": entry(JSON, MAP, b'{"value0": [{"key": "k", "value": 3}]}'),
            "json-record": entry(JSON, RECORD, b'{"value0": {"name": "n", "counts": [1, 2], "weights": [{"key": "w", "value": 0.5}]}}'),
            "json-tree": entry(JSON, TREE, b'{"value0": {"value0": [{"value0": []}]}}'),
            "json-string-nul": entry(JSON, STRING, b'{"value0": "a\\u0000b"}'),
            "binary-forward-list": entry(BINARY, FORWARD, u64(1) + bytes(512)),
            "binary-unordered-set": entry(BINARY, HASHED, u64(2) + binary_string(b"a") + binary_string(b"b")),
            "binary-multimap": entry(BINARY, MULTIMAP, u64(2) + binary_string(b"k") + struct.pack("<i", 2) + binary_string(b"k") + struct.pack("<i", 1)),
            "binary-bitset": entry(BINARY, BITSET, b"\x03" + bytes([0x80]) + bytes(12)),
            "json-multimap": entry(JSON, MULTIMAP, b'{"value0": [{"key": "k", "value": 2}, {"key": "k", "value": 1}]}'),
            "json-bitset": entry(JSON, BITSET, b'{"value0": {"type": 2, "data": "101"}}'),
        },
        "remote_record": {
            # the record's length (2 bytes), then record_header: magic, kind (1 whole,
            # 2 manifest), signature size, entry size, chunk size; then what chunks hold
            "whole": b"\x28\x00" + b"CPYREMO\x01" + struct.pack("<IIQQ", 1, 0, 8, 0) + b"12345678",
            "manifest": b"\x20\x00" + b"CPYREMO\x01" + struct.pack("<IIQQ", 2, 0, 8192, 4096) + bytes(4096),
        },
        "settings": {
            "full": b"cache_dir: /tmp/c\nformat: json\nverbose: true\ndurability: file\nlock_timeout: 2.5\n"
                    b"memory_mb: 64\nmax_age: 7d\nenv_vars: [HOME, LANG]\nremote_storage:\n  - redis://h:1/2|read_only=true\n",
            "empty": b"",
        },
        "remote_url": {
            "redis": b"redis://user:pw@host:6379/3|read_only=true|connect_timeout_ms=50|key_prefix=p",
            "unix": b"redis+unix:///run/redis.sock?db=1",
            "http": b"http://cache.example:8080/base/|secret=abc|lock_lease_seconds=10",
            "list": b"redis://a  http://b/c\tredis+unix:///s",
        },
        "call_graph": {
            "edges": b"main-0123abcd\tload-89abcdef\nmain-0123abcd\tclean-00000000\nno tab here\n\t\n",
        },
    }


def regressions():
    return {
        "entry": {
            "json-deep-400000": entry(JSON, VECTOR, b"[" * 400000),
            "json-deep-closed": entry(JSON, TREE, b'{"value0": ' + b"[" * 400000 + b"]" * 400000 + b"}"),
            # a count of one element per byte of payload: cereal resized to it first
            "binary-blocks-forged-count": entry(BINARY, BLOCKS, u64(MB) + bytes(MB)),
            "binary-nested-forged-count": entry(BINARY, NESTED, u64(MB) + bytes(MB)),
            "portable-vector-forged-count": entry(PORTABLE, VECTOR, b"\x01" + u64(MB) + bytes(MB)),
            "binary-tree-deep": entry(BINARY, TREE, u64(1) * 100000 + u64(0)),
            # cereal sized a forward_list, and reserved an unordered set, to the count
            "binary-forward-list-forged-count": entry(BINARY, FORWARD, u64(MB) + bytes(MB)),
            "binary-unordered-set-forged-count": entry(BINARY, HASHED, u64(MB) + bytes(MB)),
        },
    }


def write(tree, root):
    for harness, inputs in tree.items():
        os.makedirs(os.path.join(root, harness), exist_ok=True)
        for name, data in inputs.items():
            with open(os.path.join(root, harness, name), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    what, root = sys.argv[1], sys.argv[2]
    write(seeds() if what == "seeds" else regressions(), root)
