"""The runtime library's layers run one way: a file includes only files of its own
part or of the layers below it; parts side by side on one layer know nothing of each
other. And storage has one voice: below the facade, the tiers report failures as
values (storage/storage_failure.hpp) and never include the logger. Prints each include
that breaks either rule, and exits 1 if there is any.
Usage: check_layers.py RUNTIME_SRC_DIR"""

import os
import re
import sys

# From the bottom up, each layer's parts. A folder's files are in its part unless a
# deeper name holds them.
LAYERS = [
    ["util"],
    ["logging"],
    ["codec"],                           # the storage formats' bytes
    ["key", "modules"],
    ["config"],                          # describes: builds nothing
    ["storage/storage_failure.hpp"],     # what a tier reports instead of logging
    ["storage/remote_backend.hpp"],      # the interface every tier implements
    ["memory", "storage/local"],         # the memory layer knows no file
    ["storage/remote"],
    ["storage"],                         # the facade, the remote tier, and the one
                                         # place failures become warnings
    ["graph"],
    ["call", "api"],                     # a cached call; the API's maintenance calls
]

LOGGER = "logging/logging.hpp"
# In storage, the one place a failure becomes a warning.
STORAGE_VOICE = "storage/failure_warnings.cpp"


def layer_of(path):
    """The layer of a path relative to the source dir: the longest name that holds it."""
    best = None
    for floor, names in enumerate(LAYERS):
        for name in names:
            if path == name or path.startswith(name + "/"):
                if best is None or len(name) > len(best[1]):
                    best = (floor, name)
    return best


def main(src):
    include = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
    back_up = []
    for directory, _, files in os.walk(src):
        for name in files:
            path = os.path.relpath(os.path.join(directory, name), src)
            own = layer_of(path)
            if own is None:
                continue
            with open(os.path.join(src, path)) as source:
                text = source.read()
            for included in include.findall(text):
                target = os.path.relpath(
                    os.path.normpath(os.path.join(os.path.dirname(path), included)))
                if (target == LOGGER and path.startswith("storage/")
                        and path != STORAGE_VOICE):
                    back_up.append("%s includes %s (storage speaks through %s)"
                                   % (path, target, STORAGE_VOICE))
                    continue
                theirs = layer_of(target)
                if theirs is None or theirs[0] < own[0] or theirs[1] == own[1]:
                    continue
                where = "above" if theirs[0] > own[0] else "beside"
                back_up.append("%s includes %s (%s %s %s)"
                               % (path, target, theirs[1], where, own[1]))
    for line in sorted(back_up):
        print(line)
    print("%d include(s) against the layers" % len(back_up))
    return 1 if back_up else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
