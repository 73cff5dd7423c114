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

from dogtail.config import config

# dogtail's own retries would turn every miss into ten seconds of silence; the tests poll with
# their own deadlines instead, and write no log files into the home directory.
config.logDebugToFile = False
config.searchCutoffCount = 1
config.searchBackoffDuration = 0.1
config.defaultDelay = 0.1
config.actionDelay = 0.1

import pyatspi  # noqa: E402
from gi.repository import Atspi  # noqa: E402
from dogtail.tree import root  # noqa: E402


class TestFailure(Exception):
    pass


def log(message):
    print(f"# {message}", flush=True)


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

# A mnemonic underscore that leaked into a name ("_Open Open"): GTK 4.8 builds that name for a
# button with use-underline; a screen reader reads the underscore and the word twice.
MNEMONIC_LEAK = re.compile(r"(^|\s)_\w")


def audit_names(node, where):
    """Problems with the names of the controls under NODE: empty, or with a mnemonic leak."""
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
        if role in CONTROL_ROLES:
            if not name.strip():
                problems.append(f"{where}: {role} without an accessible name (in {path_of(n)})")
            elif MNEMONIC_LEAK.search(name):
                problems.append(f"{where}: {role} named '{name}': mnemonic underscore in the "
                                f"accessible name (in {path_of(n)})")
        for child in kids:
            visit(child, depth + 1)

    visit(node, 0)
    return problems


def set_text_selection(text_node, start, end):
    """Selects [START, END) of a text node over AT-SPI and checks that it is selected.

    GTK 4.8's Text.AddSelection on a GtkTextView selects the range but replies with the wrong
    D-Bus signature ("(i)" for "(b)"), so the reply never arrives and the call would block for
    the method-call timeout; SetSelection only moves an existing selection. So: AddSelection with
    a short timeout, then read the selection back with GetSelection, which is what counts."""
    iface = text_node.queryText()
    iface.setCaretOffset(start)
    Atspi.set_timeout(1000, 15000)
    try:
        iface.addSelection(start, end)
    except Exception:
        pass  # the lost reply described above; the selection is checked below
    finally:
        Atspi.set_timeout(800, 15000)  # libatspi's defaults

    def selected():
        if iface.getNSelections() < 1:
            return None
        s = iface.getSelection(0)
        return tuple(s) == (start, end) and s
    wait_for(f"the selection [{start}, {end}) in the text", selected, 5)


def run(main):
    """Runs MAIN(); prints 'ok'/'FAIL: reason' and exits 0/1, so meson shows why it failed."""
    started = time.monotonic()
    try:
        main()
    except TestFailure as error:
        print(f"FAIL: {error}", file=sys.stderr, flush=True)
        sys.exit(1)
    log(f"passed in {time.monotonic() - started:.1f} s")
    sys.exit(0)
