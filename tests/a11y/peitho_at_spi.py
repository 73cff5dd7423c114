# SPDX-License-Identifier: GPL-3.0-or-later
"""What the AT-SPI tests share: start Peitho from the build tree, find it on the accessibility
bus, wait for widgets (polling with a deadline, never a fixed sleep), audit accessible names, and
stop it again. Runs under tests/a11y/run-at-spi, which provides the buses and a temporary home."""

import os
import re
import signal
import subprocess
import sys
import time
import traceback

from dogtail.config import config

# dogtail's own retries would turn every miss into ten seconds of silence; the tests poll with
# their own deadlines instead, and write no log files into the home directory.
config.logDebugToFile = False
config.searchCutoffCount = 1
config.searchBackoffDuration = 0.1
config.defaultDelay = 0.1
config.actionDelay = 0.1

import pyatspi  # noqa: E402
from gi.repository import Gio, GLib  # noqa: E402
from dogtail.tree import root  # noqa: E402


class TestFailure(Exception):
    pass


_STARTED = time.monotonic()


def log(message):
    print(f"# [{time.monotonic() - _STARTED:5.1f} s] {message}", flush=True)


def fail(message):
    raise TestFailure(message)


def wait_for(what, predicate, timeout=15.0, interval=0.1):
    """Polls PREDICATE until it returns something true; fails naming WHAT after TIMEOUT s."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = predicate()
            if result:
                return result
        except (TestFailure, KeyboardInterrupt):
            raise
        except Exception as error:  # the tree changes under our feet while the app works
            last_error = error
        if time.monotonic() > deadline:
            detail = f" (last error: {last_error})" if last_error else ""
            fail(f"timed out after {timeout:.0f} s waiting for {what}{detail}")
        time.sleep(interval)


def descendants(node, predicate):
    """All descendants of NODE matching PREDICATE, without dogtail's retries."""
    return node.findChildren(predicate, recursive=True)


def descendant(node, what, predicate, timeout=10.0):
    return wait_for(what, lambda: (descendants(node, predicate) or [None])[0], timeout)


class App:
    """The peitho executable of the build tree, running on FILE with a clean environment."""

    def __init__(self, exe, args, workdir, extra_env=None):
        self.exe = exe
        env = dict(os.environ)
        build_root = os.environ.get("PEITHO_BUILD_ROOT")
        if build_root:
            env["GSETTINGS_SCHEMA_DIR"] = os.path.join(build_root, "data")
        # Leaks are the unit tests' business; here the app is killed in the middle of its life.
        asan = env.get("ASAN_OPTIONS", "")
        env["ASAN_OPTIONS"] = (asan + ":" if asan else "") + "detect_leaks=0"
        env.update(extra_env or {})
        self.log_path = os.path.join(workdir, "peitho.log")
        self._log = open(self.log_path, "w+", encoding="utf-8", errors="replace")
        self.proc = subprocess.Popen([exe] + list(args), env=env, stdin=subprocess.DEVNULL,
                                     stdout=self._log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self.node = None

    def output(self):
        self._log.flush()
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def find(self, timeout=30.0):
        """The app's node on the accessibility bus, matched by process id."""
        def lookup():
            if self.proc.poll() is not None:
                fail(f"peitho exited with status {self.proc.returncode} before showing "
                     f"a window; its output:\n{self.output()}")
            for app in root.applications():
                try:
                    if app.get_process_id() == self.proc.pid and app.children:
                        return app
                except Exception:
                    continue
            return None
        self.node = wait_for("peitho on the accessibility bus", lookup, timeout)
        return self.node

    def assert_alive(self):
        if self.proc.poll() is not None:
            fail(f"peitho died (status {self.proc.returncode}); its output:\n{self.output()}")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._log.close()


# Roles a person operates: each must say what it does. (GTK 4.8 exposes a GtkToggleButton as a
# push button with a "pressed" state; "toggle button" is listed for newer GTK.)
CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "menu item",
    "check menu item", "radio menu item", "entry", "password text", "spin button",
    "combo box", "slider", "switch", "link",
}



def mnemonic_leak(name):
    """True for a name like "_Open Open" or "Re_lations… Relations…": GTK 4.8 builds it for a
    button with use-underline (the raw label, then the child label); a screen reader reads the
    underscore and the word twice."""
    for i, c in enumerate(name):
        if c == " " and "_" in name[:i] and name[:i].replace("_", "") == name[i + 1:]:
            return True
    return False

# GTK 4.8 names a widget that has no name by its type ("GtkMenuButton"): that is no name either.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Peitho)[A-Z]\w*$")


def labelled_by(node):
    """The text of the widgets NODE says it is labelled by (GTK's labelled-by relation)."""
    texts = []
    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            texts += [relation.getTarget(i).name or "" for i in range(relation.getNTargets())]
    return " ".join(t for t in texts if t)


def audit_names(node, where, library_internals=()):
    """Problems with the names of the controls under NODE: none, a type name, a mnemonic leak,
    or a label read twice. LIBRARY_INTERNALS: (role, exposed name) pairs of widgets that GTK or
    libadwaita build inside their own windows and the app cannot reach; they are logged, not
    counted."""
    problems = []

    def path_of(n):
        parts = []
        p = n.parent
        while p is not None and len(parts) < 4:
            if p.name:
                parts.append(f"{p.roleName} '{p.name}'")
            p = p.parent
        return " < ".join(parts)

    def visit(n, depth):
        if depth > 60:
            return
        try:
            role = n.roleName
            name = n.name or ""
            kids = n.children
        except Exception:
            return
        if role in CONTROL_ROLES and (role, name) in library_internals:
            log(f"{where}: not counted: {role} {name!r}, built by the toolkit ({path_of(n)})")
        elif role in CONTROL_ROLES:
            labels = [c.name for c in kids if c.roleName == "label" and c.name]
            try:
                labels.append(labelled_by(n))
            except Exception:
                pass
            if not name.strip() or TYPE_NAME.match(name):
                problems.append(f"{where}: {role} without an accessible name (exposed as "
                                f"{name!r}, in {path_of(n)})")
            elif mnemonic_leak(name):
                problems.append(f"{where}: {role} named {name!r}: mnemonic underscore in the "
                                f"accessible name (in {path_of(n)})")
            elif any(l and name != l and name.endswith(" " + l) for l in labels):
                # An explicit label on a widget that is also labelled by another (its mnemonic
                # child label, the title of its AdwActionRow): GTK 4.8 reads both, so
                # "Remove Metaphor annotation Remove" is read out.
                problems.append(f"{where}: {role} named {name!r}: its label is read twice "
                                f"(in {path_of(n)})")
        for child in kids:
            visit(child, depth + 1)

    visit(node, 0)
    return problems


def focus_window(app):
    """Gives the X keyboard focus to the app's window (there is no window manager to do it)."""
    def windows():
        out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.proc.pid)],
                             capture_output=True, text=True).stdout.split()
        return out
    for window in wait_for("a visible X window of peitho", windows, 10):
        subprocess.run(["xdotool", "windowfocus", "--sync", window], capture_output=True,
                       timeout=10)


def keys(*combos):
    """Types key combinations (xdotool syntax) into the focused window."""
    for combo in combos:
        subprocess.run(["xdotool", "key", "--clearmodifiers", combo], check=True, timeout=10)


def is_focused(node):
    return node.getState().contains(pyatspi.STATE_FOCUSED)


_a11y_bus = None


def a11y_bus():
    """Our own connection to the accessibility bus, for the one call libatspi cannot make."""
    global _a11y_bus  # pylint: disable=global-statement
    if _a11y_bus is None:
        session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        address = session.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                                    None, GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, 5000,
                                    None).unpack()[0]
        _a11y_bus = Gio.DBusConnection.new_for_address_sync(
            address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT
            | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION, None, None)
    return _a11y_bus


def set_text_selection(text_node, start, end):
    """Selects [START, END) of a text node over AT-SPI and checks that it is selected.

    GTK 4.8's Text.AddSelection on a GtkTextView selects the range but replies with the wrong
    D-Bus signature ("(i)" for "(b)"): the reply is dropped and libatspi waits for it until its
    timeout, and SetSelection only moves an existing selection. So AddSelection goes out as a
    message that expects no reply, and GetSelection, which is what counts, reads it back."""
    iface = text_node.queryText()
    message = Gio.DBusMessage.new_method_call(text_node.app.bus_name, text_node.path,
                                              "org.a11y.atspi.Text", "AddSelection")
    message.set_body(GLib.Variant("(ii)", (start, end)))
    message.set_flags(Gio.DBusMessageFlags.NO_REPLY_EXPECTED)
    bus = a11y_bus()
    bus.send_message(message, Gio.DBusSendMessageFlags.NONE)
    bus.flush_sync(None)

    def selected():
        if iface.getNSelections() < 1:
            return None
        return tuple(iface.getSelection(0)) == (start, end)
    wait_for(f"the selection [{start}, {end}) in the text", selected, 5)


def run(main):
    """Runs MAIN(); prints 'ok'/'FAIL: reason' and exits 0/1, so meson shows why it failed."""
    started = time.monotonic()
    try:
        main()
    except TestFailure as error:
        print(f"FAIL: {error}", file=sys.stderr, flush=True)
        sys.exit(1)
    except Exception:  # an AT-SPI call that broke: say where
        traceback.print_exc()
        print("FAIL: unexpected error (traceback above)", file=sys.stderr, flush=True)
        sys.exit(1)
    log(f"passed in {time.monotonic() - started:.1f} s")
    sys.exit(0)
