"""Runs the benchmark's workloads through cachepy and through joblib.Memory in one run
and prints the table of times and ratios. Started by tests/bench/run, which builds
what this needs first.

    bench.py WORKLOADS_BINARY PLUGIN_SO RUNTIME_INCLUDE WORK_DIR
"""

import json
import os
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PYTHON = "/usr/bin/python3"  # Debian's, where python3-joblib and python3-numpy live

SMALL_HIT_CALLS = {"cachepy": 1_000_000, "joblib": 2_000}
REPETITIONS = 7       # in-process repetitions of the 80 MB workloads (median)
ROUNDS = 6            # turns of the 80 MB workloads of both tools (median; even, see in_turns)
COLD_ROUNDS = 12      # turns of the cold 80 MB hit (median; even)
FIRST_HITS = 5        # hits after the miss of the first-hits row
FRESH_PROCESSES = 9   # fresh processes for the first-call workloads (median)
COMPILES = 9          # compilations per compile-time row (median)
LATER_STANDARDS = ("c++20", "c++23")  # row 6's warm annotated compilation, also under these
STARTUP_RUNS = 600    # process starts per side of the start-up row (median)
STARTUP_FUNCTIONS = 600  # functions per translation unit of the start-up program
PROGRAM_STARTS = 400  # process starts per side of row 9 (median)


def run_json(command):
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


class Runner:
    def __init__(self, name, command, work_dir):
        self.name = name
        self.command = command
        self.cache_dir = os.path.join(work_dir, name + "-cache")

    def fresh_cache(self):
        shutil.rmtree(self.cache_dir, ignore_errors=True)
        os.makedirs(self.cache_dir)

    def workload(self, name, count=1):
        return run_json(self.command + [self.cache_dir, name, str(count)])

    def first_hits(self):
        """A miss then FIRST_HITS hits in one process, in a cache directory of their own."""
        cache_dir = self.cache_dir + "-first-hits"
        shutil.rmtree(cache_dir, ignore_errors=True)
        os.makedirs(cache_dir)
        try:
            return run_json(self.command + [cache_dir, "first-hits", str(FIRST_HITS)])["hits"]
        finally:
            shutil.rmtree(cache_dir, ignore_errors=True)

    def timed_workload(self, name):
        start = time.perf_counter()
        result = self.workload(name)
        result["process"] = time.perf_counter() - start
        return result


def evict_from_page_cache(directory):
    """Writes back and drops the cached pages of every file under directory, so the
    next read comes from the disk; fails if the kernel keeps any of them (a cold row
    would then measure memory)."""
    for parent, _, files in os.walk(directory):
        for name in files:
            path = os.path.join(parent, name)
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
            if resident_bytes(path) > 0:
                raise RuntimeError("the page cache keeps {} after it was dropped".format(path))


def resident_bytes(path):
    """How much of the file the page cache holds (util-linux's fincore)."""
    output = subprocess.run(["fincore", "--bytes", "--raw", "--noheadings", "--output", "RES",
                             path], check=True, capture_output=True, text=True).stdout
    return int(output.strip() or 0)


def in_turns(runners, round_number):
    """The runners in this round's order: reversed every other round. Fresh huge pages
    can cost a process several times more when the one before it freed none (on a
    virtual machine that hands freed memory back to its host), so whoever always went
    first would pay it more often."""
    return runners if round_number % 2 == 0 else runners[::-1]


def median_of(results, field):
    return statistics.median(result[field] for result in results)


def measure(runner):
    """Every workload for one tool, as {row: seconds}."""
    times = {}
    runner.fresh_cache()
    times["small_hit"] = runner.workload("small-hit", SMALL_HIT_CALLS[runner.name])["per_call"]
    fresh = [runner.timed_workload("first-call") for _ in range(FRESH_PROCESSES)]
    times["first_call"] = median_of(fresh, "first_call")
    times["first_call_process"] = median_of(fresh, "process")

    big_argument = runner.workload("big-argument", REPETITIONS)
    times["big_argument"] = big_argument["hit"]
    if "memcpy" in big_argument:
        times["memcpy"] = big_argument["memcpy"]


    runs = []
    for _ in range(3):
        runner.fresh_cache()
        runs.append(runner.workload("fib"))
    times["fib"] = median_of(runs, "first_run")
    return times


def measure_large_results(runners):
    """The 80 MB result's rows, {(tool, row): seconds}: repeated hits in one process, one hit
    in a fresh process with the entry in the page cache, the hits after a miss (the
    common pattern: the first of them is no repeat), and the copy limit (the same bytes
    copied into fresh memory, no cache). They take turns, ROUNDS times."""
    samples = {}
    for runner in runners:
        runner.fresh_cache()
        runner.workload("big-result", 1)  # stores the entry
    for round_number in range(ROUNDS):
        for runner in in_turns(runners, round_number):
            samples.setdefault((runner.name, "big_result"), []).append(
                runner.workload("big-result", REPETITIONS)["hit"])
            samples.setdefault((runner.name, "big_result_fresh"), []).append(
                runner.workload("big-result-once")["hit"])
            samples.setdefault((runner.name, "first_hits"), []).append(runner.first_hits())
        samples.setdefault(("cachepy", "copy_limit"), []).append(
            runners[0].workload("copy-limit", REPETITIONS)["copy"])
    return {name: statistics.median(times) for name, times in samples.items()}


def compile_seconds(*commands, repetitions=COMPILES):
    """The median time of each command. Several commands take turns, so that drift in
    the machine's speed over the run falls on all of them alike."""
    times = [[] for _ in commands]
    for _ in range(repetitions):
        for command, samples in zip(commands, times):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            samples.append(time.perf_counter() - start)
    medians = [statistics.median(samples) for samples in times]
    return medians[0] if len(medians) == 1 else medians


def measure_compile_times(plugin, include, work_dir):
    annotated = os.path.join(ROOT, "examples", "pipeline", "pipeline.cpp")
    unannotated = os.path.join(work_dir, "unannotated.cpp")
    with open(annotated) as source, open(unannotated, "w") as stripped:
        stripped.writelines(line for line in source if "cachepy" not in line)
    pch_dir = os.path.join(work_dir, "pch")
    shutil.rmtree(pch_dir, ignore_errors=True)

    def base(std="c++17"):
        return ["clang++-19", "-std=" + std, "-O2", "-c", "-I" + include, "-o", os.devnull]

    def with_plugin(std="c++17"):
        return base(std) + ["-fplugin=" + plugin, "-fplugin-arg-cachepy-pch-dir=" + pch_dir]

    times = {
        # The first compilation with these flags also precompiles the runtime header.
        "annotated_plugin_first": compile_seconds(with_plugin() + [annotated], repetitions=1),
    }
    times["annotated_plain"], times["annotated_plugin"], times["annotated_plugin_text"] = (
        compile_seconds(base() + [annotated], with_plugin() + [annotated],
                        with_plugin() + ["-fplugin-arg-cachepy-no-pch", annotated]))
    times["unannotated_plain"], times["unannotated_plugin"] = compile_seconds(
        base() + [unannotated], with_plugin() + [unannotated])
    # The annotated file warm under the later standards too, each header precompiled first.
    for std in LATER_STANDARDS:
        compile_seconds(with_plugin(std) + [annotated], repetitions=1)
        times["annotated_" + std + "_plain"], times["annotated_" + std + "_plugin"] = (
            compile_seconds(base(std) + [annotated], with_plugin(std) + [annotated]))
    return times


def write_startup_program(directory):
    """A program in two translation units: a.cpp's f_i each call b.cpp's g_i. Built
    with the plugin, it holds the call records of its functions and nothing else: no
    function is cached, so the runtime (whose shared libraries would dominate the
    start) is not linked, and what differs is the records alone."""
    count = STARTUP_FUNCTIONS
    with open(os.path.join(directory, "a.cpp"), "w") as out:
        out.writelines("int g_{0}(int);\nint f_{0}(int x) {{ return g_{0}(x) + {0}; }}\n"
                       .format(i) for i in range(count))
        out.write("int main(int argc, char **) { return f_0(argc) == 0; }\n")
    with open(os.path.join(directory, "b.cpp"), "w") as out:
        out.writelines("int g_{0}(int x) {{ return x * {1}; }}\n".format(i, i + 1)
                       for i in range(count))


def build_startup_program(directory, name, flags):
    objects = []
    for source in ("a.cpp", "b.cpp"):
        obj = os.path.join(directory, "{}-{}.o".format(name, source[0]))
        subprocess.run(["clang++-19", "-std=c++17", "-O2", "-c",
                        os.path.join(directory, source), "-o", obj] + flags,
                       check=True, capture_output=True)
        objects.append(obj)
    binary = os.path.join(directory, name)
    subprocess.run(["clang++-19"] + objects + ["-o", binary], check=True, capture_output=True)
    return binary


def relocations(binary):
    """The dynamic loader's count of relocations at the program's start, symbolic and
    relative, in the program and the libraries it loads."""
    log = subprocess.run([binary], env=dict(os.environ, LD_DEBUG="statistics"),
                         check=True, capture_output=True, text=True).stderr
    return sum(int(line.split(":")[-1]) for line in log.splitlines()
               if "final number of relocations:" in line
               or "number of relative relocations:" in line)


def process_times(binary):
    """Start to exit of one process: (wall seconds, CPU seconds, user and system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    pid = os.posix_spawn(binary, [binary], os.environ)
    os.waitpid(pid, 0)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def measure_startup(plugin, work_dir):
    """Start to exit of the same program built without and with the plugin (linked
    normally, as a PIE), taking turns STARTUP_RUNS times: {row: value}."""
    directory = os.path.join(work_dir, "startup")
    os.makedirs(directory, exist_ok=True)
    write_startup_program(directory)
    binaries = {
        "plain": build_startup_program(directory, "plain", []),
        "plugin": build_startup_program(directory, "plugin", ["-fplugin=" + plugin]),
    }
    samples = {name: [] for name in binaries}
    for _ in range(STARTUP_RUNS):
        for name, binary in binaries.items():
            samples[name].append(process_times(binary)[0])
    result = {}
    for name, binary in binaries.items():
        result[name + "_seconds"] = statistics.median(samples[name])
        result[name + "_relocations"] = relocations(binary)
        result[name + "_bytes"] = os.path.getsize(binary)
    return result


def print_startup(times):
    ratio = times["plugin_seconds"] / times["plain_seconds"]
    print()
    print("8. start-up: {} functions in 2 files calling across, their call records the only "
          "difference; start to exit, median of {}:".format(2 * STARTUP_FUNCTIONS, STARTUP_RUNS))
    print("   without plugin {:>9}, with {:>9}: {:.3f}x (target <=1.005x {})".format(
        milliseconds(times["plain_seconds"]), milliseconds(times["plugin_seconds"]), ratio,
        "ok" if ratio <= 1.005 else "MISSED"))
    print("   relocations at start {} and {}; binary {} KB and {} KB".format(
        times["plain_relocations"], times["plugin_relocations"],
        times["plain_bytes"] // 1024, times["plugin_bytes"] // 1024))


TRIVIAL_PROGRAM = """#include <cstdio>
[[cachepy::cache_file("startup_cache")]]
int square(int x) { return x * x; }
int main(int argc, char **) { if (argc > 5) std::printf("%d\\n", square(argc)); }
"""


def measure_program_startup(plugin, include, lib_dir, work_dir):
    """Row 9: start to exit of programs that never call their cached functions, built
    with cachepy and without (the lines naming cachepy left out), taking turns
    PROGRAM_STARTS times: a trivial program, and the example pipeline with a main that
    returns at once (its own, and so its work, renamed away but linked)."""
    directory = os.path.join(work_dir, "program-startup")
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(ROOT, "examples", "pipeline", "pipeline.cpp")) as source:
        pipeline = source.read().replace("int main()", "int pipeline_main()")
    programs = {"trivial": TRIVIAL_PROGRAM, "pipeline": pipeline + "int main() { return 0; }\n"}
    result = {}
    for program, text in programs.items():
        sources = {"with": os.path.join(directory, program + "-with.cpp"),
                   "without": os.path.join(directory, program + "-without.cpp")}
        with open(sources["with"], "w") as out:
            out.write(text)
        with open(sources["without"], "w") as out:
            out.writelines(line for line in text.splitlines(True) if "cachepy" not in line)
        binaries = {side: source[:-len(".cpp")] for side, source in sources.items()}
        compile_base = ["clang++-19", "-std=c++17", "-O2"]
        subprocess.run(compile_base + [sources["without"], "-o", binaries["without"]],
                       check=True, capture_output=True)
        subprocess.run(compile_base + ["-fplugin=" + plugin, "-I" + include, sources["with"],
                                       "-L" + lib_dir, "-lcachepy", "-o", binaries["with"]],
                       check=True, capture_output=True)
        samples = {side: [] for side in binaries}
        for _ in range(PROGRAM_STARTS):
            for side, binary in binaries.items():
                samples[side].append(process_times(binary))
        for side, binary in binaries.items():
            key = program + "_" + side
            result[key + "_wall"] = statistics.median(wall for wall, _ in samples[side])
            result[key + "_cpu"] = statistics.median(cpu for _, cpu in samples[side])
            result[key + "_bytes"] = os.path.getsize(binary)
            result[key + "_libraries"] = subprocess.run(
                ["ldd", binary], check=True, capture_output=True, text=True).stdout.count("=>")
    return result


def print_program_startup(times):
    print()
    print("9. start-up of programs that never call their cached functions, with cachepy "
          "against without; start to exit, median of {} turns:".format(PROGRAM_STARTS))
    for program in ("trivial", "pipeline"):
        ratios = []
        for measure in ("wall", "cpu"):
            ratio = times[program + "_with_" + measure] / times[program + "_without_" + measure]
            ratios.append("{} {} and {}: {:.3f}x".format(
                measure, milliseconds(times[program + "_without_" + measure]),
                milliseconds(times[program + "_with_" + measure]), ratio))
        worst = max(times[program + "_with_" + m] / times[program + "_without_" + m]
                    for m in ("wall", "cpu"))
        print("   {:<9} {}; {} ({})".format(program, "; ".join(ratios),
                                            "target <=1.05x", "ok" if worst <= 1.05 else "MISSED"))
        print("             shared libraries {} and {}; binary {} KB and {} KB".format(
            times[program + "_without_libraries"], times[program + "_with_libraries"],
            times[program + "_without_bytes"] // 1024, times[program + "_with_bytes"] // 1024))


def milliseconds(seconds):
    return "{:.3f} ms".format(seconds * 1e3) if seconds < 1 else "{:.2f} s".format(seconds)


def microseconds(seconds):
    return "{:.2f} us".format(seconds * 1e6)


def gigabytes_per_second(seconds, size=80_000_000):
    return "{:.2f} GB/s".format(size / seconds / 1e9)


def print_table(ours, theirs, compile_times):
    rows = [
        ("1. small hit, repeated (per call)", microseconds, "small_hit", 100),
        ("2. hit, first call in a fresh process", microseconds, "first_call", None),
        ("   whole fresh process (start, hit, exit)", milliseconds, "first_call_process", None),
        ("3. hit hashing an 80 MB argument", milliseconds, "big_argument", 5),
        ("4. hit loading an 80 MB result, repeated", milliseconds, "big_result", 1),
        ("   the same, one hit in a fresh process", milliseconds, "big_result_fresh", 1),
        ("   the same, fresh process, not in page cache", milliseconds, "big_result_cold", None),
        ("   the same, the {} hits after a miss (mean)".format(FIRST_HITS), milliseconds,
         "first_hits", 1),
        ("5. first run of fib(90): 91 misses", milliseconds, "fib", None),
    ]
    print("{:<48} {:>14} {:>14} {:>10} {:>8}".format(
        "workload", "cachepy", "joblib", "joblib/us", "target"))
    failures = []
    for label, unit, field, target in rows:
        ratio = theirs[field] / ours[field]
        verdict = ""
        if target is not None:
            verdict = ">={}x {}".format(target, "ok" if ratio >= target else "MISSED")
            if ratio < target:
                failures.append(label.strip())
        print("{:<48} {:>14} {:>14} {:>9.1f}x {:>8}".format(
            label, unit(ours[field]), unit(theirs[field]), ratio, verdict))

    print()
    fraction = ours["memcpy"] / ours["big_argument"]
    print("3. bandwidth: cachepy {} ({:.0%} of memcpy), memcpy {}, joblib {}".format(
        gigabytes_per_second(ours["big_argument"]), fraction,
        gigabytes_per_second(ours["memcpy"]), gigabytes_per_second(theirs["big_argument"])))
    if fraction < 0.5:
        failures.append("3. half of memcpy bandwidth")
    print("4. bandwidth: cachepy {} repeated, {} fresh process, {} cold; joblib {} repeated, "
          "{} fresh process, {} cold; a plain read of the entry file (one "
          "read call into memory in place) {}".format(
              gigabytes_per_second(ours["big_result"]),
              gigabytes_per_second(ours["big_result_fresh"]),
              gigabytes_per_second(ours["big_result_cold"]),
              gigabytes_per_second(theirs["big_result"]),
              gigabytes_per_second(theirs["big_result_fresh"]),
              gigabytes_per_second(theirs["big_result_cold"]),
              gigabytes_per_second(ours["disk_read"])))
    print("   cold hits take {:.2f}x (cachepy) and {:.2f}x (joblib) the plain read's time; "
          "the fastest of their turns {} and {} ({:.1f}x)".format(
              ours["big_result_cold"] / ours["disk_read"],
              theirs["big_result_cold"] / ours["disk_read"],
              milliseconds(ours["big_result_cold_fastest"]),
              milliseconds(theirs["big_result_cold_fastest"]),
              theirs["big_result_cold_fastest"] / ours["big_result_cold_fastest"]))
    fraction = ours["copy_limit"] / ours["big_result"]
    print("   copy limit (80 MB into fresh memory backed by huge pages) {}: repeated hits "
          "reach {:.2f}x of it (target >=0.8x {})".format(
              gigabytes_per_second(ours["copy_limit"]), fraction,
              "ok" if fraction >= 0.8 else "MISSED"))
    if fraction < 0.8:
        failures.append("4. 0.8x the copy limit")
    fraction = ours["copy_limit"] / ours["first_hits"]
    print("   the {} hits after a miss reach {:.2f}x of it (target >=0.8x {}); joblib's {:.2f}x"
          .format(FIRST_HITS, fraction, "ok" if fraction >= 0.8 else "MISSED",
                  ours["copy_limit"] / theirs["first_hits"]))
    if fraction < 0.8:
        failures.append("4. the hits after a miss, 0.8x the copy limit")

    print()
    print("6. compile time (clang++-19 -std=c++17 unless named, -O2 -c, median of {}):".format(COMPILES))
    # The annotated file warm under each standard (C++17 unless named), the unannotated one.
    kinds = [("annotated", 1.25)] + [("annotated_" + std, 1.25) for std in LATER_STANDARDS]
    for kind, limit in kinds + [("unannotated", 1.05)]:
        plain = compile_times[kind + "_plain"]
        plugin = compile_times[kind + "_plugin"]
        ratio = plugin / plain
        met = ratio <= limit
        if not met:
            failures.append("6. {} compile time".format(kind))
        print("   {:<18} without plugin {:>9}, with {:>9}: {:.2f}x (target <={}x {})".format(
            kind, milliseconds(plain), milliseconds(plugin), ratio, limit,
            "ok" if met else "MISSED"))
    plain = compile_times["annotated_plain"]
    for label, field in (("first with these flags (precompiles the runtime)",
                          "annotated_plugin_first"),
                         ("runtime included as text (no-pch)", "annotated_plugin_text")):
        print("   annotated, {:<50} {:>9}: {:.2f}x".format(
            label, milliseconds(compile_times[field]), compile_times[field] / plain))
    print()
    print("targets missed: " + (", ".join(failures) if failures else "none"))


def largest_file(directory):
    paths = (os.path.join(parent, name) for parent, _, names in os.walk(directory)
             for name in names)
    return max(paths, key=os.path.getsize)


def read_from_disk(path):
    """Seconds of a plain read of the file, evicted first, whole in one call into memory
    already in place: what the disk gives one reader that leaves the rest to the kernel.
    A hit also pays for the fresh memory its result lives in."""
    evict_from_page_cache(os.path.dirname(path))
    buffer = bytearray(os.path.getsize(path))
    with open(path, "rb", buffering=0) as file:
        start = time.perf_counter()
        file.readinto(buffer)
        return time.perf_counter() - start


def measure_cold(runners):
    """The 80 MB hit in a fresh process with nothing in the page cache, {tool: seconds},
    and under "disk" a plain read of cachepy's entry file. They take turns (see in_turns),
    so that the disk's drift over the run falls on all of them alike."""
    times = {runner.name: [] for runner in runners}
    times["disk"] = []
    for runner in runners:
        runner.fresh_cache()
        runner.workload("big-result", 1)  # stores the entry
    entry = largest_file(runners[0].cache_dir)
    for round_number in range(COLD_ROUNDS):
        for runner in in_turns(runners, round_number):
            evict_from_page_cache(runner.cache_dir)
            times[runner.name].append(runner.workload("big-result-once")["hit"])
        times["disk"].append(read_from_disk(entry))
    return ({name: statistics.median(samples) for name, samples in times.items()},
            {name: min(samples) for name, samples in times.items()})


def free_port():
    """A free port on 127.0.0.1, picked at random in 20000-60000."""
    while True:
        port = random.randint(20000, 60000)
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
                return port
            except OSError:
                pass


def loopback_read(port, keys):
    """The transfer limit of a Redis hit: the same values fetched with pipelined GETs on a
    plain socket into memory already touched, with no parsing or copying; seconds."""
    commands = b"".join(b"*2\r\n$3\r\nGET\r\n$%d\r\n%s\r\n" % (len(key), key) for key in keys)
    buffer = bytearray(b"\1") * (100 << 20)
    view = memoryview(buffer)
    with socket.create_connection(("127.0.0.1", port)) as server:
        start = time.perf_counter()
        server.sendall(commands)
        have = parsed = replies = 0
        while replies < len(keys):
            have += server.recv_into(view[have:])
            while replies < len(keys):
                line_end = buffer.find(b"\r\n", parsed, have)
                if line_end < 0:
                    break
                end = line_end + 2 + int(buffer[parsed + 1:line_end]) + 2
                if end > have:
                    break
                parsed, replies = end, replies + 1
        return time.perf_counter() - start


def chunk_keys(port):
    """The chunk keys on the server ("<prefix>:<key>.<i>"), in order."""
    keys = subprocess.run(["redis-cli", "-p", str(port), "--scan"], check=True,
                          capture_output=True).stdout.split()
    chunks = [key for key in keys if key.rsplit(b".", 1)[-1].isdigit()]
    return sorted(chunks, key=lambda key: int(key.rsplit(b".", 1)[1]))


def measure_remote(workloads, work_dir):
    """Hits in a fresh process with an empty local directory, served by a redis-server on
    loopback, beside the same hits served by the local directory: {row: seconds}."""
    port = free_port()
    redis = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1",
                              "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
    try:
        for _ in range(500):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.02)
        remote = dict(os.environ, CACHEPY_REMOTE_STORAGE="redis://127.0.0.1:{}".format(port))
        local = Runner("cachepy", [workloads], work_dir)
        local.cache_dir = os.path.join(work_dir, "remote-local-cache")
        fresh = os.path.join(work_dir, "remote-fresh-cache")

        def run(env, cache_dir, name, count=1):
            output = subprocess.run([workloads, cache_dir, name, str(count)], env=env,
                                    check=True, capture_output=True, text=True).stdout
            return json.loads(output.strip().splitlines()[-1])

        local.fresh_cache()
        run(remote, local.cache_dir, "first-call")  # stores locally and in Redis
        run(remote, local.cache_dir, "big-result", 1)
        samples = {"small_local": [], "small_redis": [], "big_local": [], "big_redis": [],
                   "loopback": []}
        keys = chunk_keys(port)
        for _ in range(FRESH_PROCESSES):
            samples["loopback"].append(loopback_read(port, keys))
            for size, workload, field in (("small", "first-call", "first_call"),
                                          ("big", "big-result-once", "hit")):
                samples[size + "_local"].append(run(os.environ, local.cache_dir, workload)[field])
                shutil.rmtree(fresh, ignore_errors=True)
                samples[size + "_redis"].append(run(remote, fresh, workload)[field])
        return {row: statistics.median(values) for row, values in samples.items()}
    finally:
        redis.kill()
        redis.wait()


def measure_arrays(workloads, work_dir):
    """Contiguous data beside its limit, {row: seconds}: an 80 MB vector<Point3> argument
    hashed beside XXH3 over the same bytes (taking turns in one process), and an 80 MB
    Eigen::MatrixXd result loaded beside the same bytes as a vector<double>, repeated in
    one process and once in a fresh one (the two taking turns, ROUNDS times)."""
    runner = Runner("cachepy", [workloads], work_dir)
    runner.cache_dir = os.path.join(work_dir, "arrays-cache")
    runner.fresh_cache()
    samples = {}
    runner.workload("big-result", 1)  # stores the entries
    runner.workload("matrix-result", 1)
    pairs = [("vector", "big-result"), ("matrix", "matrix-result")]
    for round_number in range(ROUNDS):
        points = runner.workload("points-argument", REPETITIONS)
        samples.setdefault("points_hit", []).append(points["hit"])
        samples.setdefault("points_xxh3", []).append(points["xxh3"])
        for name, workload in (pairs if round_number % 2 == 0 else pairs[::-1]):
            samples.setdefault(name + "_repeated", []).append(
                runner.workload(workload, REPETITIONS)["hit"])
            samples.setdefault(name + "_fresh", []).append(
                runner.workload(workload + "-once")["hit"])
    return {row: statistics.median(values) for row, values in samples.items()}


def print_arrays(times):
    print()
    print("8. arrays (80 MB each):")
    ratio = times["points_xxh3"] / times["points_hit"]
    print("   vector<Point3> argument hash {:>10} beside XXH3 over its bytes {:>10}: "
          "{:.2f}x its speed (target >=0.8x {})".format(
              milliseconds(times["points_hit"]), milliseconds(times["points_xxh3"]), ratio,
              "ok" if ratio >= 0.8 else "MISSED"))
    for kind in ("repeated", "fresh"):
        ratio = times["matrix_" + kind] / times["vector_" + kind]
        print("   MatrixXd result hit, {:<8} {:>10} beside vector<double> {:>10}: "
              "{:.2f}x its time (target <=1.2x {})".format(
                  kind, milliseconds(times["matrix_" + kind]),
                  milliseconds(times["vector_" + kind]), ratio,
                  "ok" if ratio <= 1.2 else "MISSED"))


def print_remote(times):
    print()
    print("7. through Redis on loopback (fresh process, empty local directory), "
          "beside the same hit from the local directory:")
    print("   small hit   {:>12} (local {})".format(microseconds(times["small_redis"]),
                                                   microseconds(times["small_local"])))
    print("   80 MB hit   {:>12} (local {}; {} through Redis)".format(
        milliseconds(times["big_redis"]), milliseconds(times["big_local"]),
        gigabytes_per_second(times["big_redis"])))
    print("   limit       {:>12} (the same bytes from Redis on a plain socket: {:.1f}x)".format(
        milliseconds(times["loopback"]), times["big_redis"] / times["loopback"]))


def main():
    workloads, plugin, include, work_dir = sys.argv[1:5]
    lib_dir = os.path.dirname(os.path.dirname(plugin))  # lib/cachepy/cachepy-plugin.so
    os.makedirs(work_dir, exist_ok=True)
    runners = [Runner("cachepy", [workloads], work_dir),
               Runner("joblib", [PYTHON, os.path.join(HERE, "joblib_workloads.py")], work_dir)]
    ours, theirs = (measure(runner) for runner in runners)
    for (tool, row), seconds in measure_large_results(runners).items():
        (ours if tool == "cachepy" else theirs)[row] = seconds
    cold, fastest = measure_cold(runners)
    ours["big_result_cold"], theirs["big_result_cold"] = cold["cachepy"], cold["joblib"]
    ours["big_result_cold_fastest"], theirs["big_result_cold_fastest"] = (
        fastest["cachepy"], fastest["joblib"])
    ours["disk_read"] = cold["disk"]
    compile_times = measure_compile_times(plugin, include, work_dir)
    remote = measure_remote(workloads, work_dir)
    startup = measure_startup(plugin, work_dir)
    program_startup = measure_program_startup(plugin, include, lib_dir, work_dir)
    arrays = measure_arrays(workloads, work_dir)
    with open(os.path.join(work_dir, "results.json"), "w") as out:
        json.dump({"cachepy": ours, "joblib": theirs, "compile": compile_times,
                   "remote": remote, "startup": startup, "program_startup": program_startup,
                   "arrays": arrays}, out, indent=1)
    print_table(ours, theirs, compile_times)
    print_remote(remote)
    print_startup(startup)
    print_program_startup(program_startup)
    print_arrays(arrays)


if __name__ == "__main__":
    main()
