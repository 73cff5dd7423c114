# SPDX-License-Identifier: GPL-3.0-or-later
"""`meson install` into a temporary DESTDIR, then check what the desktop needs: the programs,
the desktop file, the AppStream metainfo, the GSettings schema, the icons, the tag set and the
sample, the translations, one application id everywhere; and run what was installed: the
command-line tool on the installed sample, and the window for a few seconds under
G_DEBUG=fatal-criticals.

Usage: test-install.py BUILD-ROOT"""

import configparser
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

APP_ID = "io.github.peitho.Peitho"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"not ok - {message}", flush=True)
    return condition


def run(cmd, **kwargs):
    return subprocess.run(cmd, capture_output=True, text=True, errors="replace", **kwargs)


def tool_ok(cmd, what):
    result = run(cmd)
    check(result.returncode == 0,
          f"{what}: `{' '.join(cmd)}` exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return result


def main():
    if not os.environ.get("DISPLAY"):  # the window part needs an X server
        os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24",
                               sys.executable] + sys.argv)
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        # Else GApplication would autolaunch a session bus that outlives the test.
        os.execvp("dbus-run-session", ["dbus-run-session", "--", sys.executable] + sys.argv)
    build_root = sys.argv[1]
    options = {o["name"]: o["value"] for o in json.loads(
        run(["meson", "introspect", "--buildoptions", build_root]).stdout)}
    prefix = options["prefix"]

    def under(option):
        value = options[option]
        return value if os.path.isabs(value) else os.path.join(prefix, value)

    destdir = tempfile.mkdtemp(prefix="peitho-install.")
    try:
        result = run(["meson", "install", "--no-rebuild", "--quiet", "--destdir", destdir,
                      "-C", build_root])
        if result.returncode != 0:
            check(False, f"meson install failed ({result.returncode}):\n"
                         f"{result.stdout}{result.stderr}")
            return

        def installed(path):
            return destdir + path

        bindir = installed(under("bindir"))
        datadir = installed(under("datadir"))
        localedir = installed(under("localedir"))
        print(f"# installed into {destdir}{prefix}", flush=True)

        for binary in ("peitho", "peitho-cli"):
            path = os.path.join(bindir, binary)
            check(os.path.isfile(path) and os.access(path, os.X_OK),
                  f"{path} is not an executable file")

        desktop = os.path.join(datadir, "applications", APP_ID + ".desktop")
        metainfo = os.path.join(datadir, "metainfo", APP_ID + ".metainfo.xml")
        schema_dir = os.path.join(datadir, "glib-2.0", "schemas")
        schema = os.path.join(schema_dir, APP_ID + ".gschema.xml")
        icon = os.path.join(datadir, "icons", "hicolor", "scalable", "apps", APP_ID + ".svg")
        symbolic = os.path.join(datadir, "icons", "hicolor", "symbolic", "apps",
                                APP_ID + "-symbolic.svg")
        tagset = os.path.join(datadir, "peitho", "tagsets", "peitho-rhetoric.xml")
        sample = os.path.join(datadir, "peitho", "samples", "gettysburg-address.txt")
        mos = [os.path.join(localedir, lang, "LC_MESSAGES", "peitho.mo") for lang in ("de", "fr")]
        for path in [desktop, metainfo, schema, icon, symbolic, tagset, sample] + mos:
            check(os.path.isfile(path) and os.path.getsize(path) > 0,
                  f"{path[len(destdir):]} is not installed (or empty)")
        if failures:
            return

        tool_ok(["desktop-file-validate", desktop], "desktop file")
        tool_ok(["appstreamcli", "validate", "--no-net", metainfo], "metainfo")
        # Compiled into the destdir, as the post-install script would do on the real system.
        tool_ok(["glib-compile-schemas", "--strict", schema_dir], "GSettings schema")
        check(os.path.isfile(os.path.join(schema_dir, "gschemas.compiled")),
              "glib-compile-schemas wrote no gschemas.compiled")
        for mo in mos:
            tool_ok(["msgunfmt", mo, "-o", os.devnull], f"translation {mo[len(destdir):]}")
        ET.parse(tagset)

        # One application id everywhere.
        entry = configparser.ConfigParser(interpolation=None, strict=False)
        entry.optionxform = str
        entry.read(desktop, encoding="utf-8")
        section = entry["Desktop Entry"]
        check(section.get("Icon") == APP_ID, f"desktop file: Icon={section.get('Icon')}")
        exec_binary = (section.get("Exec") or "").split()[0:1]
        check(exec_binary == ["peitho"] and os.path.isfile(os.path.join(bindir, "peitho")),
              f"desktop file: Exec={section.get('Exec')} does not start the installed peitho")
        if section.get("DBusActivatable", "false").lower() == "true":
            service = os.path.join(datadir, "dbus-1", "services", APP_ID + ".service")
            check(os.path.isfile(service), f"DBusActivatable but no {service[len(destdir):]}")
        mimes = section.get("MimeType", "")
        check("text/plain" in mimes and "application/tei+xml" in mimes,
              f"desktop file: MimeType={mimes} must open .txt and TEI")

        component = ET.parse(metainfo).getroot()
        check(component.findtext("id") == APP_ID, f"metainfo: id {component.findtext('id')}")
        launchables = [l.text for l in component.iter("launchable")]
        check(launchables == [APP_ID + ".desktop"], f"metainfo: launchables {launchables}")
        binaries = [b.text for b in component.iter("binary")]
        for binary in binaries:
            check(os.path.isfile(os.path.join(bindir, binary)),
                  f"metainfo provides binary {binary}, which is not installed")
        check("peitho" in binaries, f"metainfo: provides binaries {binaries}, not peitho")
        check(component.find("description") is not None, "metainfo: no description")
        check(component.find("screenshots") is not None, "metainfo: no screenshots")
        check(component.find("releases") is not None, "metainfo: no release notes")

        schemas = ET.parse(schema).getroot().findall("schema")
        ids = [s.get("id") for s in schemas]
        check(APP_ID in ids, f"schema ids {ids} do not include {APP_ID}")
        for s in schemas:
            if s.get("id") == APP_ID:
                check(s.get("path") == "/io/github/peitho/Peitho/",
                      f"schema {APP_ID} has path {s.get('path')}")

        # The installed command-line tool, on the installed sample.
        work = tempfile.mkdtemp(dir=destdir)
        tei = os.path.join(work, "sample.xml")
        env = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") +
                   ":detect_leaks=0")
        cli = os.path.join(bindir, "peitho-cli")
        result = run([cli, "import", "-o", tei, sample], env=env)
        check(result.returncode == 0 and os.path.isfile(tei),
              f"installed peitho-cli import exited {result.returncode}: {result.stderr}")
        result = run([cli, "stats", tei], env=env)
        check(result.returncode == 0 and result.stdout.strip(),
              f"installed peitho-cli stats exited {result.returncode}: {result.stderr}")

        # The installed window: it must find its schema, icons and resources and keep running.
        window_env = dict(env,
                          GSETTINGS_SCHEMA_DIR=schema_dir,
                          GSETTINGS_BACKEND="memory",
                          XDG_DATA_DIRS=f"{datadir}:/usr/share",
                          XDG_DATA_HOME=os.path.join(work, "data"),
                          XDG_CONFIG_HOME=os.path.join(work, "config"),
                          XDG_CACHE_HOME=os.path.join(work, "cache"),
                          G_DEBUG="fatal-criticals",
                          GTK_A11Y="none")
        log_path = os.path.join(work, "peitho.log")
        with open(log_path, "w") as log:
            proc = subprocess.Popen([os.path.join(bindir, "peitho"), tei], env=window_env,
                                    stdout=log, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL)
            time.sleep(3)  # "still alive after 3 s" is the very thing checked here
            alive = proc.poll() is None
            if alive:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        with open(log_path, errors="replace") as log:
            output = log.read()
        check(alive, f"the installed peitho exited ({proc.returncode}) within 3 s:\n{output}")
        bad = [l for l in output.splitlines()
               if re.search(r"-CRITICAL|Failed to|not find|No such file", l)]
        check(not bad, "the installed peitho printed:\n  " + "\n  ".join(bad))
    finally:
        shutil.rmtree(destdir, ignore_errors=True)


if __name__ == "__main__":
    main()
    if failures:
        print(f"FAIL: {len(failures)} problem(s) with the installed Peitho:", file=sys.stderr)
        for f in failures:
            print(f"  - {f}", file=sys.stderr)
        sys.exit(1)
    print("# the installed Peitho is complete and runs")
