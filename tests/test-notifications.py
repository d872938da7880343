#!/usr/bin/env python3
# test-notifications.py: the therapy timer's desktop notifications, sent by
# the real binary through GLib's freedesktop backend to a fake notification
# server on a private D-Bus, and the same timer with no server at all.
#
# Usage: test-notifications.py SOOTHE   (TAP on stdout; needs DISPLAY)
#
# Every instance gets its own dbus-daemon, started here with a configuration
# that activates nothing, and empty XDG directories, so no real desktop
# session is touched. GLib's freedesktop backend sends Notify with the
# actions ["default", "", "app.pause", "Pause", "app.stop", "Stop"] and runs
# the action named by ActionInvoked's key, "default" meaning the default
# action; the fake server answers and clicks like a real one.
#
# `--start-therapy=cold --minutes=1` is a single application, so its end is
# the session's end. Pause and Stop buttons only come when a rest follows:
# that session is written as a saved timer, about to end, and restored.
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def skip(reason):
    print(f"1..0 # SKIP {reason}")
    sys.exit(0)


def import_gi():
    try:
        import gi
        gi.require_version("GLib", "2.0")
        gi.require_version("Gio", "2.0")
        from gi.repository import GLib, Gio
        return GLib, Gio
    except (ImportError, ValueError):
        return None


if not os.environ.get("DISPLAY"):
    skip("no display (DISPLAY is unset)")

if len(sys.argv) != 2:
    print("usage: test-notifications.py SOOTHE", file=sys.stderr)
    sys.exit(2)

_gi = import_gi()
if _gi is None:
    # meson's find_program('python3') may be a pyenv or venv interpreter
    # without python3-gi; the system one has it.
    system_python = "/usr/bin/python3"
    if (os.environ.get("SOOTHE_TEST_REEXEC") is None and os.access(system_python, os.X_OK)
            and os.path.realpath(sys.executable) != os.path.realpath(system_python)):
        os.environ["SOOTHE_TEST_REEXEC"] = "1"
        os.execv(system_python, [system_python, os.path.abspath(__file__)] + sys.argv[1:])
    skip("python3-gi is not installed")
GLib, Gio = _gi

if shutil.which("dbus-daemon") is None:
    skip("dbus-daemon is not installed")

SOOTHE = os.path.abspath(sys.argv[1])
APP_ID = "io.github.soothe.Soothe"
FDO_NAME = "org.freedesktop.Notifications"
FDO_PATH = "/org/freedesktop/Notifications"
FDO_XML = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="GetCapabilities">
      <arg type="as" direction="out"/>
    </method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/>
      <arg type="s" direction="out"/>
      <arg type="s" direction="out"/>
      <arg type="s" direction="out"/>
    </method>
    <method name="Notify">
      <arg type="s" direction="in"/>
      <arg type="u" direction="in"/>
      <arg type="s" direction="in"/>
      <arg type="s" direction="in"/>
      <arg type="s" direction="in"/>
      <arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/>
      <arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification">
      <arg type="u" direction="in"/>
    </method>
    <signal name="NotificationClosed">
      <arg type="u"/>
      <arg type="u"/>
    </signal>
    <signal name="ActionInvoked">
      <arg type="u"/>
      <arg type="s"/>
    </signal>
  </interface>
</node>
"""

# Only the bus itself: nothing is activated, so no real notification daemon,
# a11y bus or gvfs can join in.
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

context = GLib.MainContext.default()
results = []
children = []   # every process started, killed in the end if still there
buses = []


def log(message):
    for line in str(message).splitlines() or [""]:
        print(f"# {line}", flush=True)


def check(name, ok, detail=None):
    results.append(bool(ok))
    if not ok and detail:
        log(detail)
    print(f"{'ok' if ok else 'not ok'} {len(results)} {name}", flush=True)
    return bool(ok)


def spin(seconds=0.05):
    """Lets the fake server answer for about @seconds."""
    end = time.monotonic() + seconds
    while True:
        while context.pending():
            context.iteration(False)
        left = end - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(left, 0.02))


def wait_for(predicate, timeout, step=0.05):
    """Spins until predicate() is true; returns its last value."""
    end = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= end:
            return value
        spin(step)


def kill(proc):
    """Ends a child of ours, by its id: politely, then not."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


class Bus:
    """A private session bus, its own dbus-daemon, nothing activatable."""

    def __init__(self, tmp, name):
        directory = os.path.join(tmp, name)
        os.makedirs(directory)
        config = os.path.join(directory, "bus.conf")
        with open(config, "w") as f:
            f.write(BUS_CONFIG.format(dir=directory))
        with open(os.path.join(directory, "bus.log"), "w") as log_file:
            self.proc = subprocess.Popen(
                ["dbus-daemon", "--config-file", config, "--nofork", "--nopidfile",
                 "--print-address=1"],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=log_file)
        children.append(self.proc)
        buses.append(self)
        ready, _, _ = select.select([self.proc.stdout], [], [], 10)
        line = self.proc.stdout.readline().decode().strip() if ready else ""
        if not line:
            raise RuntimeError("dbus-daemon did not print its address")
        self.address = line
        self.conn = Gio.DBusConnection.new_for_address_sync(
            line,
            Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT |
            Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
            None, None)

    def owner_pid(self, name):
        """The process id of @name's owner, or None."""
        try:
            reply = self.conn.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                        "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                                        GLib.Variant("(s)", (name,)), GLib.VariantType("(u)"),
                                        Gio.DBusCallFlags.NONE, 5000, None)
        except GLib.Error:
            return None
        return reply.unpack()[0]


class Instance:
    """The environment of one user: a bus and empty XDG directories."""

    def __init__(self, tmp, name, bus):
        self.dir = os.path.join(tmp, name)
        self.bus = bus
        env = dict(os.environ)
        for variable in ("LANGUAGE", "LC_MESSAGES", "DBUS_STARTER_ADDRESS",
                         "DBUS_STARTER_BUS_TYPE", "XDG_RUNTIME_DIR"):
            env.pop(variable, None)
        home = os.path.join(self.dir, "home")
        env.update({
            "HOME": home,
            "XDG_CONFIG_HOME": os.path.join(home, ".config"),
            "XDG_DATA_HOME": os.path.join(home, ".local", "share"),
            "XDG_STATE_HOME": os.path.join(home, ".local", "state"),
            "XDG_CACHE_HOME": os.path.join(home, ".cache"),
            "XDG_RUNTIME_DIR": os.path.join(self.dir, "runtime"),
            "DBUS_SESSION_BUS_ADDRESS": bus.address,
            "GSETTINGS_BACKEND": "memory",
            "GIO_USE_VFS": "local",
            "GTK_A11Y": "none",
            "NO_AT_BRIDGE": "1",
            "LC_ALL": "C.UTF-8",
        })
        env.setdefault("GSETTINGS_SCHEMA_DIR",
                       os.path.join(os.path.dirname(os.path.dirname(SOOTHE)), "data"))
        for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            os.makedirs(env[key])
        os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700)
        self.env = env
        self.primary = None
        self.n_runs = 0

    def state_file(self):
        return os.path.join(self.env["XDG_STATE_HOME"], "soothe", "therapy.json")

    def start_primary(self, *args):
        """Starts the first instance in the background, output to files."""
        self.out_path = os.path.join(self.dir, "primary.out")
        self.err_path = os.path.join(self.dir, "primary.err")
        with open(self.out_path, "w") as out, open(self.err_path, "w") as err:
            self.primary = subprocess.Popen([SOOTHE, *args], env=self.env, stdin=subprocess.DEVNULL,
                                            stdout=out, stderr=err)
        children.append(self.primary)
        return self.primary

    def wait_primary(self):
        """Waits until the primary instance owns the application's name, so
        that no later command can take its place."""
        proc = self.primary
        return wait_for(lambda: proc.poll() is not None or self.bus.owner_pid(APP_ID) == proc.pid,
                        20) and proc.poll() is None

    def primary_output(self):
        with open(self.out_path) as out, open(self.err_path) as err:
            return out.read(), err.read()

    def run(self, *args, timeout=20):
        """Runs soothe to the end, the fake server answering meanwhile.
        Returns (status, stdout, stderr); status None when it hung."""
        self.n_runs += 1
        out_path = os.path.join(self.dir, f"run{self.n_runs}.out")
        err_path = os.path.join(self.dir, f"run{self.n_runs}.err")
        with open(out_path, "w") as out, open(err_path, "w") as err:
            proc = subprocess.Popen([SOOTHE, *args], env=self.env, stdin=subprocess.DEVNULL,
                                    stdout=out, stderr=err)
        children.append(proc)
        status = wait_for(lambda: proc.poll() is not None, timeout)
        if not status:
            kill(proc)
            status = None
        else:
            status = proc.returncode
        with open(out_path) as out, open(err_path) as err:
            return status, out.read(), err.read()

    def status_line(self):
        status, out, err = self.run("--status")
        if status != 0:
            return f"(soothe --status failed with {status}: {err.strip()})"
        # The first line is the timer's; the second the next stretch reminder.
        return out.strip().splitlines()[0] if out.strip() else ""

    def wait_status(self, prefix, timeout):
        line = ""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            line = self.status_line()
            if line.startswith(prefix):
                return line
            spin(0.3)
        return line


class FakeNotificationServer:
    """org.freedesktop.Notifications, as the specification has it."""

    def __init__(self, address):
        self.notifications = []   # every Notify call, in order
        self.closed = []          # every CloseNotification id, in order
        self.open = set()
        self.next_id = 1
        self.bus = Gio.DBusConnection.new_for_address_sync(
            address,
            Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT |
            Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
            None, None)
        info = Gio.DBusNodeInfo.new_for_xml(FDO_XML).interfaces[0]
        self.registration = self.bus.register_object(FDO_PATH, info, self.method_call, None, None)
        reply = self.bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                   "org.freedesktop.DBus", "RequestName",
                                   GLib.Variant("(su)", (FDO_NAME, 4)),   # DO_NOT_QUEUE
                                   GLib.VariantType("(u)"), Gio.DBusCallFlags.NONE, 5000, None)
        if reply.unpack()[0] != 1:   # PRIMARY_OWNER
            raise RuntimeError(f"cannot own {FDO_NAME}")

    def method_call(self, connection, sender, path, interface, method, parameters, invocation):
        if method == "GetCapabilities":
            invocation.return_value(GLib.Variant("(as)", (["actions", "body"],)))
        elif method == "GetServerInformation":
            invocation.return_value(GLib.Variant("(ssss)", ("fake", "Soothe tests", "1", "1.2")))
        elif method == "Notify":
            app_name, replaces_id, icon, summary, body, actions, hints, timeout = parameters.unpack()
            if replaces_id != 0 and replaces_id in self.open:
                notify_id = replaces_id
            else:
                notify_id = self.next_id
                self.next_id += 1
            self.open.add(notify_id)
            self.notifications.append({
                "id": notify_id, "app_name": app_name, "replaces_id": replaces_id,
                "summary": summary, "body": body,
                "actions": list(zip(actions[0::2], actions[1::2])),
                "hints": hints, "sender": sender,
            })
            invocation.return_value(GLib.Variant("(u)", (notify_id,)))
        elif method == "CloseNotification":
            (notify_id,) = parameters.unpack()
            self.closed.append(notify_id)
            invocation.return_value(None)
            if notify_id in self.open:
                self.open.discard(notify_id)
                self.emit("NotificationClosed", GLib.Variant("(uu)", (notify_id, 3)))
        else:
            invocation.return_dbus_error("org.freedesktop.DBus.Error.UnknownMethod", method)

    def emit(self, name, parameters):
        self.bus.emit_signal(None, FDO_PATH, FDO_NAME, name, parameters)
        self.bus.flush_sync(None)

    def invoke(self, notify_id, action_key):
        """What a server does when the user clicks a button: the action, then
        the notification closes (reason 2, dismissed by the user)."""
        self.emit("ActionInvoked", GLib.Variant("(us)", (notify_id, action_key)))
        if notify_id in self.open:
            self.open.discard(notify_id)
            self.emit("NotificationClosed", GLib.Variant("(uu)", (notify_id, 2)))

    def find(self, text):
        for n in self.notifications:
            if text in n["summary"]:
                return n
        return None

    def close(self):
        self.bus.unregister_object(self.registration)
        self.bus.close_sync(None)


def bad_log_lines(text):
    return [line for line in text.splitlines() if "CRITICAL" in line or "WARNING" in line]


def describe(n):
    shown = {k: n[k] for k in ("id", "replaces_id", "app_name", "summary", "body", "actions")}
    return json.dumps(shown, ensure_ascii=False) + " hints=" + repr(n["hints"])


MINUTE_US = 60 * 1000000


def write_state(instance, seconds_left):
    """Saves, as Soothe would, a cold session of two 20-minute applications
    with a 20-minute rest between, its first application @seconds_left from
    its end: what a window's timer panel starts, restored without waiting."""
    state = {
        "format": 1,
        "state": "running",
        "kind": "cold",
        "phases": [
            {"kind": "cold", "length_us": 20 * MINUTE_US},
            {"kind": "rest", "length_us": 20 * MINUTE_US},
            {"kind": "cold", "length_us": 20 * MINUTE_US},
        ],
        "phase_index": 0,
        "deadline_us": int(time.time() * 1000000) + seconds_left * 1000000,
        "max_application_us": 20 * MINUTE_US,
        "check_skin_after_us": 5 * MINUTE_US,
        "check_skin_done": False,
    }
    os.makedirs(os.path.dirname(instance.state_file()), exist_ok=True)
    with open(instance.state_file(), "w") as f:
        json.dump(state, f)


def check_exit(instance, what, how="exits by itself", timeout=10):
    exited = wait_for(lambda: instance.primary.poll() is not None, timeout)
    check(f"{what}: the primary instance {how}", exited, f"still running {timeout} s later")
    if exited:
        status = instance.primary.returncode
        check(f"{what}: the primary instance exits with status 0", status == 0,
              f"exit status {status}" + (f" (killed by signal {-status})" if status < 0 else ""))
    out, err = instance.primary_output()
    check(f"{what}: the primary instance logs no warnings", not bad_log_lines(err), err)


def button_key(notification, label):
    return next((key for key, text in notification["actions"] if text == label), None)


def main(tmp):
    # Four users at once, each with a bus of its own:
    #   a: `soothe --start-therapy=cold --minutes=1`, with a notification server
    #   b: a restored two-application cold session, its window open, with a server
    #   c: `soothe --start-therapy=heat --minutes=1`, with no notification server
    #   d: a saved session whose application ended while Soothe was not running
    bus_a, bus_b, bus_c, bus_d = (Bus(tmp, f"bus-{x}") for x in "abcd")
    server_a = FakeNotificationServer(bus_a.address)
    server_b = FakeNotificationServer(bus_b.address)
    server_d = FakeNotificationServer(bus_d.address)
    a, b, c, d = (Instance(tmp, x, bus) for x, bus in zip("abcd", (bus_a, bus_b, bus_c, bus_d)))

    t0 = time.monotonic()
    a.start_primary("--start-therapy=cold", "--minutes=1")
    c.start_primary("--start-therapy=heat", "--minutes=1")
    write_state(b, 8)
    b.start_primary()
    for instance, what in ((a, "cold"), (b, "restored"), (c, "heat, no server")):
        if not check(f"{what}: the primary instance owns the application's name",
                     instance.wait_primary(), "\n".join(instance.primary_output())):
            return

    line = a.wait_status("Cold pack:", 20)
    check("cold: the timer runs in the primary instance", line.startswith("Cold pack:"),
          f"soothe --status: {line!r}")
    line = c.wait_status("Heat pad:", 20)
    check("heat, no server: the timer runs in the primary instance",
          line.startswith("Heat pad:"), f"soothe --status: {line!r}")

    status, out, err = a.run("--start-therapy=cold", "--minutes=99")
    check("cold: --minutes=99 fails with status 1", status == 1, f"status {status}, stderr {err!r}")
    check("cold: --minutes=99 names the 20-minute limit",
          "Cold pack sessions are 1 to 20 minutes" in err, f"stderr {err!r}")
    line = a.status_line()
    check("cold: a refused start leaves the running timer alone", line.startswith("Cold pack:"),
          f"soothe --status: {line!r}")

    # b: the first application ends a few seconds after the start.
    line = b.wait_status("Cold pack: 0:0", 10)
    check("restored: the saved timer comes back", line.startswith("Cold pack: 0:0"),
          f"soothe --status: {line!r}")
    skin = wait_for(lambda: server_b.find("Check your skin"), 10)
    if check("restored: a notification says to check the skin", skin is not None,
             f"notifications: {server_b.notifications}"):
        log(describe(skin))
        check("restored: the skin check names the application",
              skin["hints"].get("desktop-entry") == APP_ID, repr(skin["hints"]))
        check("restored: the skin check has no buttons", skin["actions"] == [("default", "")],
              repr(skin["actions"]))
    phase = wait_for(lambda: server_b.find("Take the cold pack off"), 15)
    if check("restored: a notification says to take the cold pack off", phase is not None,
             f"notifications: {server_b.notifications}"):
        log(describe(phase))
        if skin is not None:
            check("restored: the skin check is withdrawn when the application ends",
                  wait_for(lambda: skin["id"] in server_b.closed, 5),
                  f"CloseNotification calls {server_b.closed}, skin check id {skin['id']}")
        check("restored: its title says how long it was on",
              phase["summary"] == "Take the cold pack off — 20 minutes are up",
              repr(phase["summary"]))
        check("restored: its body says to let the skin rest",
              phase["body"] == "Let your skin rest for 20 minutes.", repr(phase["body"]))
        check("restored: it names the application", phase["hints"].get("desktop-entry") == APP_ID,
              repr(phase["hints"]))
        # Urgent (2), so that it shows through Do Not Disturb: the pack must come off.
        check("restored: it is an urgent notification",
              phase["hints"].get("urgency") == 2, repr(phase["hints"]))
        check("restored: clicking it opens the timer", ("default", "") in phase["actions"],
              repr(phase["actions"]))
        check("restored: it has the Pause and Stop buttons, for app.pause and app.stop",
              button_key(phase, "Pause") == "app.pause" and button_key(phase, "Stop") == "app.stop",
              repr(phase["actions"]))
        line = b.status_line()
        check("restored: the timer moves on to skin rest", line.startswith("Skin rest: "),
              f"soothe --status: {line!r}")

        server_b.invoke(phase["id"], button_key(phase, "Stop") or "app.stop")
        line = b.wait_status("No therapy timer is running", 5)
        check("restored: Stop in the notification stops the timer",
              line == "No therapy timer is running", f"soothe --status: {line!r}")
        check("restored: stopping withdraws the notification",
              wait_for(lambda: phase["id"] in server_b.closed, 5),
              f"CloseNotification calls {server_b.closed}, notification id {phase['id']}")
        check("restored: stopping forgets the saved timer", not os.path.exists(b.state_file()))
        check("restored: no other notifications", len(server_b.notifications) == 2,
              "\n".join(map(describe, server_b.notifications)))
    # The window keeps Soothe open; quit as its menu does.
    try:
        server_b.bus.call_sync(APP_ID, "/" + APP_ID.replace(".", "/"), "org.gtk.Actions",
                               "Activate", GLib.Variant("(sava{sv})", ("quit", [], {})),
                               None, Gio.DBusCallFlags.NONE, 5000, None)
    except GLib.Error as error:
        log(f"app.quit: {error.message}")
    check_exit(b, "restored", "quits")

    # d: a saved application ended while Soothe was not running. --status
    # finds out, tells, and stays on as the running instance, so that the
    # notification's buttons work and the rest phase is timed.
    write_state(d, -30)
    d.start_primary("--status")
    printed = wait_for(lambda: d.primary_output()[0].strip() != "", 20)
    out, err = d.primary_output()
    check("ended meanwhile: --status reports skin rest", bool(printed) and out.startswith("Skin rest: "),
          f"stdout {out!r}, stderr {err!r}")
    check("ended meanwhile: that instance stays to keep the session going",
          d.primary.poll() is None, f"exit status {d.primary.poll()}")
    phase = wait_for(lambda: server_d.find("Take the cold pack off"), 5)
    if check("ended meanwhile: a notification says to take the cold pack off", phase is not None,
             f"notifications: {server_d.notifications}"):
        log(describe(phase))
        stop = button_key(phase, "Stop")
        if stop is not None:
            server_d.invoke(phase["id"], stop)
            spin(1)
            line = d.status_line()
            check("ended meanwhile: its Stop button stops the timer",
                  line == "No therapy timer is running", f"soothe --status after Stop: {line!r}")
    check_exit(d, "ended meanwhile", timeout=15)

    # a: the one-minute application ends, and with it the session.
    phase = wait_for(lambda: server_a.find("Take the cold pack off"), 80)
    elapsed = time.monotonic() - t0
    if check("cold: a notification says to take the cold pack off", phase is not None,
             f"after {elapsed:.0f} s, notifications: {server_a.notifications}"):
        log(f"after {elapsed:.0f} s: {describe(phase)}")
        check("cold: its title says how long it was on",
              phase["summary"] == "Take the cold pack off — 1 minute is up", repr(phase["summary"]))
        check("cold: its body says the session is complete",
              phase["body"].startswith("The session is complete."), repr(phase["body"]))
        check("cold: it names the application", phase["hints"].get("desktop-entry") == APP_ID,
              repr(phase["hints"]))
        # One application is the whole session: nothing is left to pause or
        # stop, and the app is about to exit.
        check("cold: it has no Pause or Stop buttons, the session being over",
              phase["actions"] == [("default", "")], repr(phase["actions"]))
    check_exit(a, "cold")
    line = a.status_line()
    check("cold: afterwards no timer is running", line == "No therapy timer is running",
          f"soothe --status: {line!r}")
    check("cold: the notification stays for the user to read", not server_a.closed,
          f"CloseNotification calls {server_a.closed}")

    # c: the heat pad's minute ended too, with no server to tell.
    check_exit(c, "heat, no server", timeout=15)
    line = c.status_line()
    check("heat, no server: afterwards no timer is running",
          line == "No therapy timer is running", f"soothe --status: {line!r}")

    for server in (server_a, server_b, server_d):
        server.close()


def cleanup():
    for bus in buses:
        try:
            bus.conn.close_sync(None)
        except (AttributeError, GLib.Error):
            pass
    for proc in reversed(children):
        kill(proc)
    for bus in buses:
        bus.proc.stdout.close()


def terminated(signum, frame):
    # meson's timeout: end our children before going.
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, terminated)
    tmp = tempfile.mkdtemp(prefix="soothe-notifications-")
    started = time.monotonic()
    try:
        main(tmp)
    except Exception as error:  # a broken harness is a failure, not a crash
        import traceback
        log(traceback.format_exc())
        check(f"the test ran to the end ({type(error).__name__})", False)
    finally:
        cleanup()
        shutil.rmtree(tmp, ignore_errors=True)
    log(f"took {time.monotonic() - started:.0f} s")
    print(f"1..{len(results)}")
    sys.exit(0 if results and all(results) else 1)
