"""Every CACHEPY_ environment variable is named in one table,
runtime/src/util/environment_variables.hpp, which docs/configuration.md is held to
(tests/unit/environment_variables_test.cpp). Prints each place in the runtime, the tools
or the plugin that reads a CACHEPY_ variable by a literal, or spells a listed name as a
literal of its own anywhere else (a message names one inside a sentence), and exits 1
if there is any.
Usage: check_environment_reads.py SOURCE_DIR"""

import os
import re
import sys

LIST = os.path.join("runtime", "src", "util", "environment_variables.hpp")
SCANNED = ["runtime", "tools", "plugin"]
SOURCES = (".c", ".cpp", ".h", ".hpp", ".def", ".inc")
# A variable read or set by its name: a new one, not yet in the table, is caught too.
LITERAL_ACCESS = re.compile(r'\b(?:secure_getenv|getenv|setenv|unsetenv)\s*\(\s*"CACHEPY_')


def main(root):
    with open(os.path.join(root, LIST)) as listed:
        names = set(re.findall(r'"(CACHEPY_[A-Z0-9_]+)"', listed.read()))
    if not names:
        print("no CACHEPY_ names in %s" % LIST)
        return 1
    spelled = re.compile(r'"(?:%s)"' % "|".join(sorted(names)))
    found = []
    for top in SCANNED:
        for directory, _, files in os.walk(os.path.join(root, top)):
            for name in files:
                path = os.path.relpath(os.path.join(directory, name), root)
                if not name.endswith(SOURCES) or path == LIST:
                    continue
                with open(os.path.join(root, path)) as source:
                    text = source.read()
                lines = text.splitlines()
                for pattern in (LITERAL_ACCESS, spelled):
                    for match in pattern.finditer(text):
                        line = text.count("\n", 0, match.start()) + 1
                        found.append("%s:%d: %s" % (path, line, lines[line - 1].strip()))
    for place in sorted(set(found)):
        print(place)
    print("%d name(s) of CACHEPY_ variables spelled outside %s" % (len(set(found)), LIST))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
