# The cachepy lit suite: plugin rewrites (FileCheck on the dumped source), diagnostics
# (-verify) and end-to-end runs (compile with the plugin, run twice, check the hit).
import glob
import os
import shutil
import sys

import lit.formats

config.name = "cachepy"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
# None of the user's cachepy settings (runtime/src/util/environment_variables.hpp).
for name in [name for name in config.environment if name.startswith("CACHEPY_")]:
    config.environment.pop(name)
# The precompiled runtime headers of the suite's compilations, kept in the build tree.
config.environment["CACHEPY_PCH_DIR"] = os.path.join(config.cachepy_build_dir, "pch")

# The clang the plugin is built for, with its own FileCheck and LLVM tools.
clangxx = os.path.join(config.llvm_tools_dir, "clang++")
cachepy_flags = "-std=c++17 -fplugin={} -I{}".format(config.cachepy_plugin, config.cachepy_include)
cachepy_link = "-L{} -lcachepy".format(config.cachepy_lib_dir)
# A runtime built with sanitizers (CACHEPY_SANITIZE): the programs get them too.
if config.sanitize_flags:
    cachepy_flags += " " + config.sanitize_flags
    cachepy_link += " " + config.sanitize_flags
    config.available_features.add("sanitized")

# Longer names first: lit replaces in order, and %cachepy is a prefix of the others.
config.substitutions.append(("%cachepy_build_dir", config.cachepy_build_dir))
config.substitutions.append(("%cachepy_cli", config.cachepy_cli))
config.substitutions.append(("%cachepy_rewrite", config.cachepy_rewrite))
config.substitutions.append(("%clangxx", clangxx))
config.substitutions.append(("%clang_version", config.clang_version))
config.substitutions.append(("%plugin", config.cachepy_plugin))
config.substitutions.append(("%cachepy_include", config.cachepy_include))
config.substitutions.append(("%cachepy_link", cachepy_link))
config.substitutions.append(("%cachepy_sanitize", config.sanitize_flags))
config.substitutions.append(("%cachepy", cachepy_flags))
config.substitutions.append(("%examples", config.cachepy_examples))
config.substitutions.append(("%python", sys.executable))

# Clang 17 and newer let the plugin add the LLVM pass that writes call records.
if int(config.clang_version) >= 17:
    config.available_features.add("records")
# -std=c++23 is spelled c++2b before clang 17.
if int(config.clang_version) >= 17:
    config.available_features.add("std-c++23")

# Tests that build with GCC (the "without the plugin" guarantee) need g++.
if shutil.which("g++"):
    config.available_features.add("gcc")


def other_clangxx():
    """Another installed clang++-N than the plugin's: what it is told is tested."""
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        for path in sorted(glob.glob(os.path.join(folder, "clang++-[0-9]*"))):
            version = path.rsplit("-", 1)[1]
            if version.isdigit() and version != config.clang_version:
                return path
    return None


if other_clangxx():
    config.available_features.add("other-clang")
    config.substitutions.append(("%other_clangxx", other_clangxx()))
