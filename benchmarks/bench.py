#!/usr/bin/env python3
# bench.py: runs Soothe's benchmarks side by side and prints one table
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs Soothe's benchmarks and prints one table.

Start it with ./benchmarks/run.sh, which builds in release mode and provides
the virtual display and the private D-Bus session every run here shares.
Everything that is compared runs side by side in the same invocation,
interleaved, so that the noise of a shared machine falls on both sides alike:

  start-up   Soothe and the bare window, alternately, each quitting after its
             first full frame (SOOTHE_QUIT_AFTER_FIRST_FRAME=1); wall time from
             spawn to exit, and peak RSS from wait4()
  peers      the bare window, Soothe (built-in content, plus 30 and 100
             generated situations) and gnome-calculator, gnome-clocks and
             gnome-text-editor, in rotating order, each stopped right after its
             first frame by benchmarks/first-frame-probe.so (LD_PRELOAD), with
             fresh XDG folders every run; plus Soothe stopped by its own
             SOOTHE_QUIT_AFTER_FIRST_FRAME=1, to check the probe against it
  load       bench-load: generated bundles of 100, 1,000 and 10,000 situations,
             Soothe's load against json_parser_load_from_data()
  search     bench-search: index build, then p50/p95 per query at 10,000
  wake-ups   voluntary context switches of every thread over a window, from
             /proc/PID/task/*/status, and poll() calls from strace -c -f
"""

import argparse
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

SIZES = (100, 1000, 10000)


# Machine ---------------------------------------------------------------------

def read_text(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return ""


def cpu_times():
    fields = read_text("/proc/stat").splitlines()[0].split()[1:]
    values = [int(v) for v in fields]
    idle = values[3] + values[4]
    return sum(values), idle


class CpuMeter:
    """Busy share of all CPUs between start() and stop(), everything included."""

    def __init__(self):
        self.start()

    def start(self):
        self.total, self.idle = cpu_times()
        self.load_before = os.getloadavg()[0]

    def stop(self):
        total, idle = cpu_times()
        busy = 1.0 - (idle - self.idle) / max(1, total - self.total)
        return {"busy": busy, "load_before": self.load_before, "load_after": os.getloadavg()[0]}


def pkg_version(name):
    try:
        return subprocess.run(["pkg-config", "--modversion", name], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def machine():
    cpuinfo = read_text("/proc/cpuinfo")
    model = re.search(r"^model name\s*:\s*(.*)$", cpuinfo, re.M)
    mem = re.search(r"^MemTotal:\s*(\d+) kB", read_text("/proc/meminfo"), re.M)
    return {
        "nproc": os.cpu_count(),
        "cpu": model.group(1) if model else platform.processor(),
        "memory_gib": round(int(mem.group(1)) / 1024 / 1024, 1) if mem else None,
        "kernel": platform.release(),
        "gtk": pkg_version("gtk4"),
        "glib": pkg_version("glib-2.0"),
        "json_glib": pkg_version("json-glib-1.0"),
        "gsk_renderer": os.environ.get("GSK_RENDERER", "default"),
        "loadavg": os.getloadavg(),
    }


# Processes -------------------------------------------------------------------

class Sandbox:
    """Isolated XDG folders: one cache for everything (so fonts and shaders are
    as warm for Soothe as for the baseline), and fresh folders per name."""

    def __init__(self, root, build):
        self.root = root
        self.build = build
        self.cache = os.path.join(root, "cache")
        os.makedirs(self.cache, exist_ok=True)
        self.count = 0

    def env(self, name, **extra):
        self.count += 1
        home = os.path.join(self.root, "%s-%d" % (name, self.count))
        env = dict(os.environ)
        for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            env[key] = os.path.join(home, key.lower())
            os.makedirs(env[key], exist_ok=True)
        env.update({
            "HOME": home,
            "XDG_CACHE_HOME": self.cache,
            "GSETTINGS_BACKEND": "memory",
            "GSETTINGS_SCHEMA_DIR": os.path.join(self.build, "data"),
            "LC_ALL": "C.UTF-8",
            "LANGUAGE": "en",
        })
        env.pop("SOOTHE_QUIT_AFTER_FIRST_FRAME", None)
        env.update(extra)
        return env


def timed_run(command, env, timeout=60, want_stderr=False):
    """Returns (seconds, max RSS in KiB) of one run that must exit with 0, and
    with want_stderr what it wrote to stderr as well."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=errors)
        watchdog = threading.Timer(timeout, process.kill)
        watchdog.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        watchdog.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        text = errors.read().decode(errors="replace")
        if process.returncode != 0:
            sys.exit("%s failed (%d): %s" % (" ".join(command), process.returncode, text[-2000:]))
    if want_stderr:
        return seconds, usage.ru_maxrss, text
    return seconds, usage.ru_maxrss


def run_checked(command, env, timeout=60):
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        sys.exit("%s failed (%d): %s" % (" ".join(command), result.returncode, result.stderr))
    return result.stdout


def median(values):
    return statistics.median(values) if values else float("nan")


# Start-up and memory ---------------------------------------------------------

def bench_startup(args, sandbox, programs):
    env = {name: sandbox.env("startup-" + name, SOOTHE_QUIT_AFTER_FIRST_FRAME="1")
           for name in programs}
    samples = {name: {"seconds": [], "rss_kib": []} for name in programs}
    names = list(programs)

    # Untimed: fills the font, icon and shader caches both sides use.
    for _ in range(args.warmup):
        for name in names:
            timed_run(programs[name], env[name])

    for pair in range(args.pairs):
        # Alternate which goes first, so a drift in load falls on both.
        for name in (names if pair % 2 == 0 else names[::-1]):
            seconds, rss = timed_run(programs[name], env[name])
            samples[name]["seconds"].append(seconds)
            samples[name]["rss_kib"].append(rss)

    ratios = [s / b for s, b in zip(samples["soothe"]["seconds"], samples["baseline"]["seconds"])]
    result = {"pairs": args.pairs, "samples": samples, "pair_ratio_median": median(ratios)}
    for name in names:
        result[name] = {"ms": 1000 * median(samples[name]["seconds"]),
                        "min_ms": 1000 * min(samples[name]["seconds"]),
                        "rss_mib": median(samples[name]["rss_kib"]) / 1024}
    result["ratio"] = result["soothe"]["ms"] / result["baseline"]["ms"]
    result["rss_ratio"] = result["soothe"]["rss_mib"] / result["baseline"]["rss_mib"]
    if "header-bar" in result:
        result["header_bar_ratio"] = result["header-bar"]["ms"] / result["baseline"]["ms"]
    return result


# Start-up beside the GNOME peers -------------------------------------------

# Installed by run.sh when missing; a peer that is not installed is left out.
PEERS = ("gnome-calculator", "gnome-clocks", "gnome-text-editor")
PEER_BUNDLES = (30, 100)


def package_version(package):
    """Debian's version without epoch and revision: 1:43.0.1-2 -> 43.0.1."""
    try:
        version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                                 capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return ""
    return re.sub(r"-[^-]*$", "", version.split(":", 1)[-1])


def peer_programs(args, root, sandbox):
    """(key, label, command, extra environment, user bundle or None), in the
    order of the table."""
    soothe = os.path.join(args.build, "src", "soothe")
    builtin = len(run_checked([soothe, "--list-situations"], sandbox.env("list")).splitlines())
    programs = [("bare", "bare GTK 4 window (baseline-window)",
                 [os.path.join(args.build, "benchmarks", "baseline-window")], {}, None),
                ("soothe", "Soothe, built-in content (%d situations)" % builtin, [soothe], {}, None)]
    for size in PEER_BUNDLES:
        path = os.path.join(root, "user-%d.json" % size)
        subprocess.run([sys.executable, os.path.join(args.top, "benchmarks", "generate-bundle.py"),
                        "--user", os.path.join(args.top, "data", "content", "en.json"), str(size),
                        path], check=True)
        # Loaded the way a person's own bundle is, or the row means nothing.
        env = sandbox.env("list")
        install_bundle(env, path)
        shown = len(run_checked([soothe, "--list-situations"], env).splitlines())
        if shown != builtin + size:
            sys.exit("peers: %d generated situations gave %d in all, not %d"
                     % (size, shown, builtin + size))
        programs.append(("soothe-%d" % size,
                         "Soothe, + %d generated situations (%d)" % (size, shown),
                         [soothe], {}, path))
    # Soothe draws with cairo where OpenGL would run in software (no GPU); this
    # row has it draw with OpenGL anyway, as the peers do on such a machine.
    programs.append(("soothe-gl", "Soothe, OpenGL forced (GSK_RENDERER=gl)", [soothe],
                     {"GSK_RENDERER": "gl"}, None))
    for peer in PEERS:
        command = shutil.which(peer)
        if command is None:
            print("peers: %s is not installed; ./benchmarks/run.sh installs it" % peer,
                  file=sys.stderr)
            continue
        programs.append((peer, ("%s %s" % (peer, package_version(peer))).strip(), [command], {},
                         None))
    programs.append(("soothe-own", "check: Soothe stopped by SOOTHE_QUIT_AFTER_FIRST_FRAME=1",
                     [soothe], {"SOOTHE_QUIT_AFTER_FIRST_FRAME": "1", "LD_PRELOAD": None},
                     None))
    return programs


def install_bundle(env, path):
    directory = os.path.join(env["XDG_DATA_HOME"], "soothe", "bundles")
    os.makedirs(directory, exist_ok=True)
    shutil.copyfile(path, os.path.join(directory, "bench.json"))


def peer_env(sandbox, key, probe, extra, bundle):
    # Fresh configuration, data and state every run; the cache stays shared.
    env = sandbox.env("peers-" + key)
    preload = [probe] + [p for p in os.environ.get("LD_PRELOAD", "").split(":") if p]
    env["LD_PRELOAD"] = ":".join(preload)
    env["FIRST_FRAME_PROBE_REPORT"] = "1"
    for name, value in extra.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    if bundle is not None:
        install_bundle(env, bundle)
    return env


PROBE_LINE = re.compile(
    r"^first-frame-probe: .*?: first frame (\d+)x(\d+); ms after load: activate (\S+), "
    r"first layout (\S+), paint (\S+), done (\S+); widgets (\d+) \(mapped (\d+), "
    r"labels (\d+), wrapping (\d+)\); pango layouts (\d+), shaped runs (\d+) \((\d+) chars\); "
    r"renderer (\w+)", re.M)


def probe_report(text):
    """The probe's line as numbers, or None when the program stopped itself."""
    match = PROBE_LINE.search(text)
    if match is None:
        return None
    values = match.groups()
    activate, layout, paint, done = (float(v) for v in values[2:6])
    if activate < 0:
        # Not a GApplication, or one that never activated: all of it is start-up.
        activate = layout
    return {"size": "%sx%s" % values[:2],
            # Start-up to the activation, the window until its first layout
            # (building, realizing, mapping), the layout phases of the first
            # frame (CSS, measuring, allocation), its paint (snapshot, render).
            "startup_ms": activate, "window_ms": layout - activate,
            "layout_ms": paint - layout, "paint_ms": done - paint, "probe_ms": done,
            "widgets": int(values[6]), "mapped": int(values[7]), "labels": int(values[8]),
            "wrapping": int(values[9]), "layouts": int(values[10]), "shapes": int(values[11]),
            "shaped_chars": int(values[12]),
            # GskGLRenderer, GskCairoRenderer: what drew the frame.
            "renderer": values[13].removeprefix("Gsk").removesuffix("Renderer")}


def quartiles(values):
    if len(values) < 2:
        return values[0], values[0]
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], q[2]


def bench_peers(args, sandbox, root):
    probe = os.path.join(args.build, "benchmarks", "first-frame-probe.so")
    if not os.path.exists(probe):
        sys.exit("peers: no %s; configure with -Dbenchmarks=true" % probe)
    programs = peer_programs(args, root, sandbox)
    samples = {key: {"seconds": [], "rss_kib": [], "probe": []} for key, *_ in programs}

    def run(entry):
        key, _, command, extra, bundle = entry
        return timed_run(command, peer_env(sandbox, key, probe, extra, bundle), want_stderr=True)

    # Untimed: fills the font, icon and shader caches all of them share.
    for _ in range(args.warmup):
        for entry in programs:
            run(entry)

    for r in range(args.peer_rounds):
        # Rotate who goes first, so a drift in load falls on all alike.
        shift = r % len(programs)
        for entry in programs[shift:] + programs[:shift]:
            seconds, rss, text = run(entry)
            samples[entry[0]]["seconds"].append(seconds)
            samples[entry[0]]["rss_kib"].append(rss)
            report = probe_report(text)
            if report is not None:
                samples[entry[0]]["probe"].append(report)
            elif entry[0] != "soothe-own":
                sys.exit("peers: %s was not stopped by the probe: %s" % (entry[1], text[-2000:]))

    bare = samples["bare"]
    rows = []
    for key, label, *_ in programs:
        seconds = samples[key]["seconds"]
        p25, p75 = quartiles(seconds)
        row = {"key": key, "label": label, "ms": 1000 * median(seconds),
               "p25_ms": 1000 * p25, "p75_ms": 1000 * p75,
               "rss_mib": median(samples[key]["rss_kib"]) / 1024,
               # The same round's bare window: the drift of the machine cancels.
               "round_ratio": median([s / b for s, b in zip(seconds, bare["seconds"])])}
        reports = samples[key]["probe"]
        if reports:
            row["probe"] = {name: (median([r[name] for r in reports])
                                   if isinstance(reports[0][name], (int, float)) else reports[0][name])
                            for name in reports[0]}
        rows.append(row)
    base = rows[0]
    for row in rows:
        row["ratio"] = row["ms"] / base["ms"]
        row["rss_ratio"] = row["rss_mib"] / base["rss_mib"]
    return {"rounds": args.peer_rounds, "rows": rows, "samples": samples}


def print_peers(peers):
    rows = {row["key"]: row for row in peers["rows"]}
    headers = ("program", "first frame (median)", "p25-p75", "peak RSS (median)",
               "÷ bare window", "÷ bare, RSS", "÷ bare, per round")
    table = [(row["label"], "%.0f ms" % row["ms"], "%.0f-%.0f" % (row["p25_ms"], row["p75_ms"]),
              "%.1f MiB" % row["rss_mib"], "%.2f" % row["ratio"], "%.2f" % row["rss_ratio"],
              "%.2f" % row["round_ratio"]) for row in peers["rows"]]
    widths = [max(len(r[i]) for r in table + [headers]) for i in range(len(headers))]
    line = "  ".join("-" * w for w in widths)
    print("start-up to the first frame, stopped by first-frame-probe.so; medians of %d rounds"
          % peers["rounds"])
    print(line)
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
    print(line)
    for r in table:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    print(line)

    # Where each one's time goes, from the probe's own line (medians).
    headers = ("program", "window", "renderer", "to activate", "window built", "first layout",
               "first paint", "widgets (mapped)", "labels (wrapping)", "layouts",
               "shaped runs (chars)")
    table = []
    for row in peers["rows"]:
        p = row.get("probe")
        if p is None:
            continue
        table.append((row["label"], p["size"], p["renderer"], "%.0f ms" % p["startup_ms"],
                      "%.0f ms" % p["window_ms"], "%.0f ms" % p["layout_ms"],
                      "%.0f ms" % p["paint_ms"], "%d (%d)" % (p["widgets"], p["mapped"]),
                      "%d (%d)" % (p["labels"], p["wrapping"]), "%d" % p["layouts"],
                      "%d (%d)" % (p["shapes"], p["shaped_chars"])))
    if table:
        widths = [max(len(r[i]) for r in table + [headers]) for i in range(len(headers))]
        line = "  ".join("-" * w for w in widths)
        print("where it goes, from the probe (ms after the libraries are loaded; medians)")
        print(line)
        print("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
        print(line)
        for r in table:
            print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
        print(line)

    # Issue 16's targets. Its "full content" is the content issue's, which has
    # landed: the built-in situations. The row with 30 more is shown beside it.
    soothe, own = rows["soothe"], rows["soothe-own"]
    more = rows.get("soothe-30")
    print("check: Soothe's own quit after its first frame / the probe: %.3f (%+.1f %%)"
          % (own["ms"] / soothe["ms"], 100 * (own["ms"] / soothe["ms"] - 1)))

    def value(measure):
        text = "%.2f" % measure(soothe)
        return text + (" (+30: %.2f)" % measure(more) if more is not None else "")

    checks = [("first frame <= 1.6x the bare window (%s)" % soothe["label"],
               soothe["ratio"] <= 1.6, value(lambda r: r["ratio"])),
              ("peak RSS <= the bare window's + 15 %", soothe["rss_ratio"] <= 1.15,
               value(lambda r: r["rss_ratio"]))]
    if "gnome-calculator" in rows:
        calculator = rows["gnome-calculator"]["ms"]
        checks.append(("first frame <= 0.9x gnome-calculator's", soothe["ms"] / calculator <= 0.9,
                       value(lambda r: r["ms"] / calculator)))
    if "soothe-100" in rows:
        growth = rows["soothe-100"]["ms"] / soothe["ms"]
        checks.append(("+100 situations add < 10 %% to the first frame (%s)"
                       % rows["soothe-100"]["label"], growth < 1.10, "%.2f" % growth))
    peer_rows = [rows[p] for p in PEERS if p in rows]
    if peer_rows:
        # Every Soothe row, with more content too.
        ours = [r for key, r in rows.items()
                if key.startswith("soothe") and key not in ("soothe-own", "soothe-gl")]
        ahead = all(s["ms"] < p["ms"] and s["rss_mib"] < p["rss_mib"] for s in ours for p in peer_rows)
        checks.append(("ahead of every GNOME peer in time and memory, every Soothe row", ahead, ""))
    for text, ok, value in checks:
        print("target: %-70s %-18s %s" % (text, value, verdict(ok)))
    forced = rows.get("soothe-gl")
    if forced is not None and peer_rows:
        # Not a target: the same drawing as the peers, where Soothe would not choose it.
        print("like for like, %s: %.2fx the bare window, %.2fx gnome-calculator, "
              "ahead of every peer: %s" % (
                  forced["label"], forced["ratio"],
                  forced["ms"] / rows["gnome-calculator"]["ms"] if "gnome-calculator" in rows
                  else float("nan"),
                  "yes" if all(forced["ms"] < p["ms"] and forced["rss_mib"] < p["rss_mib"]
                               for p in peer_rows) else "no"))


# Bundle load -----------------------------------------------------------------

def generate_bundles(args, sandbox, directory):
    paths = []
    for size in SIZES:
        path = os.path.join(directory, "situations-%d.json" % size)
        subprocess.run([sys.executable, os.path.join(args.top, "benchmarks", "generate-bundle.py"),
                        os.path.join(args.top, "data", "content", "en.json"), str(size), path],
                       check=True)
        # The loader must take them whole, or the timings mean nothing.
        run_checked([os.path.join(args.build, "src", "soothe"), "--check-bundle", path],
                    sandbox.env("check"))
        paths.append(path)
    return paths


def bench_load(args, paths):
    output = subprocess.run([os.path.join(args.build, "benchmarks", "bench-load"),
                             "--rounds", str(args.load_rounds)] + paths,
                            capture_output=True, text=True, check=True).stdout
    rows = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    for row in rows:
        row["ratio"] = row["load_ms"] / row["bare_ms"]
        row["merge_ms"] = row["load_ms"] - row["parse_ms"] - row["read_ms"] - row["free_ms"]
        row["us_per_situation"] = 1000 * row["load_ms"] / row["situations"]
    # Growth exponent between sizes: 1.0 is linear, 2.0 quadratic.
    for previous, row in zip(rows, rows[1:]):
        scale = math.log(row["situations"] / previous["situations"])
        row["load_exponent"] = math.log(row["load_ms"] / previous["load_ms"]) / scale
        row["bare_exponent"] = math.log(row["bare_ms"] / previous["bare_ms"]) / scale
    return rows


# Search ----------------------------------------------------------------------

def bench_search(args, path):
    output = subprocess.run([os.path.join(args.build, "benchmarks", "bench-search"), "--rounds",
                             str(args.search_rounds), str(args.index_builds), path],
                            capture_output=True, text=True, check=True).stdout
    return json.loads(output)


# Wake-ups --------------------------------------------------------------------

def thread_switches(pid):
    """tid -> (name, voluntary, involuntary) context switches."""
    threads = {}
    try:
        tids = os.listdir("/proc/%d/task" % pid)
    except FileNotFoundError:
        return threads
    for tid in tids:
        status = read_text("/proc/%d/task/%s/status" % (pid, tid))
        if not status:
            continue
        fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
        threads[int(tid)] = (fields.get("Name", "?").strip(),
                             int(fields.get("voluntary_ctxt_switches", 0)),
                             int(fields.get("nonvoluntary_ctxt_switches", 0)))
    return threads


def rss_mib(pid):
    match = re.search(r"^VmRSS:\s*(\d+) kB", read_text("/proc/%d/status" % pid), re.M)
    return int(match.group(1)) / 1024 if match else float("nan")


def count_switches(pid, seconds):
    before = thread_switches(pid)
    time.sleep(seconds)
    after = thread_switches(pid)
    if pid not in after:
        sys.exit("process %d ended while it was measured" % pid)
    per_thread = {}
    total = 0
    for tid, (name, voluntary, _) in after.items():
        delta = voluntary - before.get(tid, (name, 0, 0))[1]
        total += delta
        key = "main" if tid == pid else name
        per_thread[key] = per_thread.get(key, 0) + delta
    return {"all": total / seconds, "main": per_thread.get("main", 0) / seconds,
            "threads": {k: v / seconds for k, v in sorted(per_thread.items())},
            "rss_mib": rss_mib(pid)}


POLL_CALL = re.compile(r"^(\d+)\s+(p?poll)\(\[.*\], (\d+), (\S+?)[,)]")


def count_polls(pid, seconds):
    """poll() calls per second in every thread, and main-loop wake-ups: blocking
    polls of the main thread on more than one fd (a GMainContext; xcb waits
    for a reply on the X fd alone). None without strace."""
    strace = shutil.which("strace")
    if strace is None:
        return None
    with tempfile.NamedTemporaryFile(mode="r", suffix=".strace") as log:
        tracer = subprocess.Popen([strace, "-f", "-e", "trace=poll,ppoll", "-o", log.name,
                                   "-p", str(pid)], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        time.sleep(seconds)
        tracer.send_signal(signal.SIGINT)
        tracer.wait(timeout=30)
        calls = 0
        loop = 0
        for line in log.read().splitlines():
            match = POLL_CALL.match(line)
            if not match:
                continue
            calls += 1
            blocking = match.group(4) not in ("0", "{tv_sec=0, tv_nsec=0}")
            if int(match.group(1)) == pid and int(match.group(3)) > 1 and blocking:
                loop += 1
    return {"polls": calls / seconds, "loop": loop / seconds}


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wake_scenario(args, sandbox, name):
    soothe = os.path.join(args.build, "src", "soothe")
    env = sandbox.env("wake-" + name)
    if name == "baseline":
        command = [os.path.join(args.build, "benchmarks", "baseline-window")]
    elif name == "hidden-timer":
        # The first instance runs the timer and opens no window at all.
        command = [soothe, "--start-therapy=cold", "--minutes=15"]
    elif name == "reminders":
        # As started at login by the autostart entry: no window.
        command = [soothe, "--gapplication-service"]
    else:
        command = [soothe]

    monitor = None
    if name == "reminders":
        # Reminders on, kept where Soothe reads them, and Mutter's idle
        # monitor on the bus: the watches Soothe holds must not wake it.
        env["GSETTINGS_BACKEND"] = "keyfile"
        run_checked(["gsettings", "set", "io.github.soothe.Soothe", "reminders-enabled", "true"], env)
        monitor = subprocess.Popen([os.path.join(args.build, "benchmarks", "fake-idle-monitor")],
                                   env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True)
        if monitor.stdout.readline().strip() != "ready":
            sys.exit("reminders: the fake idle monitor did not start")

    process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(args.settle)
        if name == "reminders":
            status = run_checked([soothe, "--status"], env)
            if "Next stretch reminder" not in status:
                sys.exit("reminders: reminders are not on (%s)" % status.strip())
        if name == "visible-timer":
            run_checked([soothe, "--start-therapy=cold", "--minutes=15"], env)
            time.sleep(2)
        if name.endswith("timer"):
            status = run_checked([soothe, "--status"], env).strip()
            if process.poll() is not None or not status:
                sys.exit("%s: no timer is running" % name)
        if process.poll() is not None:
            sys.exit("%s: %s exited early (%d)" % (name, command[0], process.returncode))

        result = count_switches(process.pid, args.wake_seconds)
        if args.strace:
            result.update(count_polls(process.pid, args.wake_seconds) or {})
        if name.endswith("timer"):
            result["status"] = status
            run_checked([soothe, "--stop"], env)
    finally:
        stop(process)
        if monitor is not None:
            stop(monitor)
    return result


WAKE_SCENARIOS = ("baseline", "idle", "visible-timer", "hidden-timer", "reminders")


def bench_wakeups(args, sandbox):
    runs = {name: [] for name in WAKE_SCENARIOS}
    for r in range(args.wake_rounds):
        order = WAKE_SCENARIOS[r % len(WAKE_SCENARIOS):] + WAKE_SCENARIOS[:r % len(WAKE_SCENARIOS)]
        for name in order:
            runs[name].append(wake_scenario(args, sandbox, name))

    result = {}
    for name, samples in runs.items():
        polls = [s["polls"] for s in samples if "polls" in s]
        loops = [s["loop"] for s in samples if "loop" in s]
        result[name] = {
            "all": median([s["all"] for s in samples]),
            "main": median([s["main"] for s in samples]),
            "polls": median(polls) if polls else None,
            "loop": median(loops) if loops else None,
            "rss_mib": median([s["rss_mib"] for s in samples]),
            "samples": samples,
        }
    return result


# Table -----------------------------------------------------------------------

def verdict(ok):
    return "met" if ok else "MISSED"


def print_table(info, results):
    rows = []

    def row(measure, soothe, baseline, ratio, target, ok):
        rows.append((measure, soothe, baseline, ratio, target, "" if ok is None else verdict(ok)))

    startup = results.get("startup")
    if startup:
        row("start-up to first full frame, median of %d pairs" % startup["pairs"],
            "%.0f ms" % startup["soothe"]["ms"], "%.0f ms" % startup["baseline"]["ms"],
            "%.2f" % startup["ratio"], "ratio <= 1.25", startup["ratio"] <= 1.25)
        if "header-bar" in startup:
            row("  reference: the bare window with a header bar",
                "", "%.0f ms" % startup["header-bar"]["ms"],
                "%.2f" % startup["header_bar_ratio"], "(not a target)", None)
        row("peak RSS (max RSS of the same runs)",
            "%.1f MiB" % startup["soothe"]["rss_mib"], "%.1f MiB" % startup["baseline"]["rss_mib"],
            "%.2f" % startup["rss_ratio"], "ratio <= 1.2", startup["rss_ratio"] <= 1.2)

    load = results.get("load", [])
    for entry in load:
        row("load + validation, %d situations (%.1f MB)" % (entry["situations"], entry["bytes"] / 1e6),
            "%.1f ms" % entry["load_ms"], "%.1f ms" % entry["bare_ms"], "%.2f" % entry["ratio"],
            "ratio <= 1.5", entry["ratio"] <= 1.5)
    for previous, entry in zip(load, load[1:]):
        # Nothing here grows at exactly n^1.00: caches fill up. The bare parse
        # of the same bytes is the linear reference on this machine.
        row("  growth, %d -> %d situations (n^k)" % (previous["situations"], entry["situations"]),
            "k = %.2f" % entry["load_exponent"], "k = %.2f" % entry["bare_exponent"],
            "%+.2f" % (entry["load_exponent"] - entry["bare_exponent"]),
            "linear: k <= bare's + 0.1", entry["load_exponent"] <= entry["bare_exponent"] + 0.1)
    for entry in load:
        row("  where load goes, %d: parse / read / free tree / merge" % entry["situations"],
            "%.1f / %.1f / %.1f / %.1f ms" % (entry["parse_ms"], entry["read_ms"],
                                             entry["free_ms"], entry["merge_ms"]),
            "", "", "", None)

    search = results.get("search")
    if search:
        row("search index build, %d situations (first search)" % search["documents"],
            "%.0f ms" % search["index_build"]["p50_ms"], "", "", "", None)
        for kind, label in (("word", "one-word"), ("question", "whole-question")):
            stats = search[kind]
            row("search, %s queries, p50 / p95" % label,
                "%.3f / %.3f ms" % (stats["p50_ms"], stats["p95_ms"]), "", "",
                "p95 < 5 ms", stats["p95_ms"] < 5.0)

    wake = results.get("wakeups")
    if wake:
        base = wake["baseline"]

        def describe(entry):
            text = "%.1f/s (main %.1f)" % (entry["all"], entry["main"])
            if entry["polls"] is not None:
                text += ", polls %.1f/s, loop %.1f/s" % (entry["polls"], entry["loop"])
            return text

        row("wake-ups, bare window idle", "", describe(base), "", "", None)
        # The start-up runs quit after the first frame, before the advice
        # below the first screen and its drawings exist; idle, they do.
        row("memory settled, idle window (VmRSS, everything built)",
            "%.1f MiB" % wake["idle"]["rss_mib"], "%.1f MiB" % base["rss_mib"],
            "%.2f" % (wake["idle"]["rss_mib"] / base["rss_mib"]), "(not a target)", None)
        limits = (("idle", "Soothe idle, no timer", 0.0, "<= baseline"),
                  ("reminders", "Soothe started at login, reminders on, idle monitor present", 0.0,
                   "= baseline"),
                  ("visible-timer", "Soothe, visible countdown running", 1.0, "<= baseline + 1/s"),
                  ("hidden-timer", "Soothe, no window, timer running", 0.0, "= baseline"))
        # Whole counts over the window: allow half a wake-up per window.
        slack = 0.5 / results["settings"]["wake_seconds"]
        for name, label, allowance, target in limits:
            entry = wake[name]
            row("wake-ups, " + label, describe(entry), describe(base),
                "%+.1f/s" % (entry["all"] - base["all"]), target + " (switches)",
                entry["all"] <= base["all"] + allowance + slack)
            if entry["loop"] is not None:
                row("  same, main-loop wake-ups only", "%.1f/s" % entry["loop"],
                    "%.1f/s" % base["loop"], "%+.1f/s" % (entry["loop"] - base["loop"]),
                    target + " (loop)", entry["loop"] <= base["loop"] + allowance + slack)

    headers = ("measure", "Soothe", "baseline", "ratio", "target", "")
    widths = [max(len(str(r[i])) for r in rows + [headers]) for i in range(len(headers))]
    line = "  ".join("-" * w for w in widths)
    if rows:
        print(line)
        print("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
        print(line)
        for r in rows:
            print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
        print(line)
    if results.get("peers"):
        print_peers(results["peers"])
    print("machine: %d CPUs (%s), %.1f GiB; GTK %s, GLib %s, json-glib %s; GSK renderer %s" % (
        info["nproc"], info["cpu"], info["memory_gib"] or 0, info["gtk"], info["glib"],
        info["json_glib"], info["gsk_renderer"]))
    for section, load in results["cpu"].items():
        print("load %-16s CPUs %3.0f%% busy%s, load average %.2f -> %.2f" % (
            ("before (3 s idle)" if section == "before" else "during " + section) + ":",
            100 * load["busy"], "" if section == "before" else " (this run included)",
            load["load_before"], load["load_after"]))


# Main ------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", required=True, help="the source tree")
    parser.add_argument("--build", required=True, help="the release build directory")
    parser.add_argument("--pairs", type=int, default=15, help="start-up pairs (at least 10)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed start-ups of each first")
    parser.add_argument("--peer-rounds", type=int, default=12,
                        help="rounds of the start-up runs beside the GNOME peers")
    parser.add_argument("--load-rounds", type=int, default=7)
    parser.add_argument("--search-rounds", type=int, default=50)
    parser.add_argument("--index-builds", type=int, default=3)
    parser.add_argument("--wake-seconds", type=float, default=10.0)
    parser.add_argument("--wake-rounds", type=int, default=2)
    parser.add_argument("--settle", type=float, default=5.0,
                        help="seconds to wait after start before counting wake-ups")
    parser.add_argument("--no-strace", dest="strace", action="store_false",
                        help="count context switches only")
    parser.add_argument("--only", action="append",
                        choices=("startup", "peers", "load", "search", "wakeups"),
                        help="run only this part (may be repeated)")
    parser.add_argument("--json", help="also write every sample to this file")
    args = parser.parse_args()
    if args.pairs < 10:
        parser.error("--pairs must be at least 10")
    if args.peer_rounds < 1:
        parser.error("--peer-rounds must be at least 1")
    parts = args.only or ["startup", "peers", "load", "search", "wakeups"]

    for variable in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
        if variable not in os.environ:
            sys.exit("bench.py: no %s; start it with ./benchmarks/run.sh" % variable)

    info = machine()
    results = {"machine": info, "settings": vars(args), "cpu": {}}
    baseline = os.path.join(args.build, "benchmarks", "baseline-window")
    programs = {"baseline": [baseline],
                "soothe": [os.path.join(args.build, "src", "soothe")],
                "header-bar": [baseline, "--header-bar"]}

    # What the machine does without us: others share it.
    meter = CpuMeter()
    time.sleep(3)
    results["cpu"]["before"] = meter.stop()

    with tempfile.TemporaryDirectory(prefix="soothe-bench-") as root:
        sandbox = Sandbox(root, args.build)
        if "startup" in parts:
            meter = CpuMeter()
            results["startup"] = bench_startup(args, sandbox, programs)
            results["cpu"]["start-up"] = meter.stop()
        if "peers" in parts:
            meter = CpuMeter()
            results["peers"] = bench_peers(args, sandbox, root)
            results["cpu"]["peers"] = meter.stop()
        if "load" in parts or "search" in parts:
            paths = generate_bundles(args, sandbox, root)
            if "load" in parts:
                meter = CpuMeter()
                results["load"] = bench_load(args, paths)
                results["cpu"]["load"] = meter.stop()
            if "search" in parts:
                meter = CpuMeter()
                results["search"] = bench_search(args, paths[-1])
                results["cpu"]["search"] = meter.stop()
        if "wakeups" in parts:
            meter = CpuMeter()
            results["wakeups"] = bench_wakeups(args, sandbox)
            results["cpu"]["wake-ups"] = meter.stop()

    print_table(info, results)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
