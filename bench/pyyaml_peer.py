#!/usr/bin/env python3
"""The peer a user would write without maestro-topo: PyYAML's C loader and a
minimal check of the topology format.

Usage: python3 bench/pyyaml_peer.py PATH...

Directories are searched recursively for *.yaml and *.yml. Prints one line
per invalid file and `checked N files: E errors`; exits 1 when E > 0.

The checks are the few a careful script would make (the Yams peer makes the
same ones): version 1, an installation, hosts as a mapping of hosts with known
components, LUI, HUB, TRK and DATABASE on one host each, LISTSERV on at least
one, ports from 1 to 65535, and component SSL on for all Maestro servers or
for none.
"""

import os
import sys

import yaml

COMPONENTS = {"LUI", "HUB", "TRK", "DATABASE", "LISTSERV"}
SINGLE = ("LUI", "HUB", "TRK", "DATABASE")
MAESTRO = {"LUI", "HUB", "TRK"}
PORT_KEYS = ("internal_port", "tracker_port", "http_port")


def topology_files(paths):
    for path in paths:
        if not os.path.isdir(path):
            yield path
            continue
        # Sorted, so the output does not depend on the order of directory entries.
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                if name.endswith((".yaml", ".yml")):
                    yield os.path.join(root, name)


def is_port(value):
    # bool is an int in Python; `internal_port: true` is not a port.
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 65535


def check_ports(where, mapping, errors):
    for key in PORT_KEYS:
        if key in mapping and not is_port(mapping[key]):
            errors.append("%s.%s is not a port: %r" % (where, key, mapping[key]))


def check(doc):
    """Returns the list of errors of one loaded document."""
    if not isinstance(doc, dict):
        return ["the file is not a mapping"]
    errors = []
    version = doc.get("version")
    if version != 1 or isinstance(version, bool):
        errors.append("version must be 1, not %r" % (version,))
    if doc.get("installation") in (None, ""):
        errors.append("installation is missing")

    defaults = doc.get("defaults")
    if defaults is not None:
        if isinstance(defaults, dict):
            check_ports("defaults", defaults, errors)
        else:
            errors.append("defaults is not a mapping")

    ssl_default = False
    component_ssl = doc.get("component_ssl")
    if component_ssl is not None:
        if not isinstance(component_ssl, dict):
            errors.append("component_ssl is not a mapping")
        else:
            ssl_default = component_ssl.get("enabled", False)
            if not isinstance(ssl_default, bool):
                errors.append("component_ssl.enabled is not a boolean")
                ssl_default = False

    hosts = doc.get("hosts")
    if not isinstance(hosts, dict) or not hosts:
        errors.append("hosts must be a non-empty mapping")
        return errors

    placed = {c: [] for c in COMPONENTS}
    server_ssl = {}
    for name, host in hosts.items():
        if not isinstance(host, dict):
            errors.append("host %s is not a mapping" % name)
            continue
        components = host.get("components")
        if not isinstance(components, list) or not components:
            errors.append("host %s has no components list" % name)
            continue
        seen = set()
        for c in components:
            if not isinstance(c, str) or c not in COMPONENTS:
                errors.append("host %s: unknown component %r" % (name, c))
            elif c in seen:
                errors.append("host %s lists %s twice" % (name, c))
            else:
                seen.add(c)
                placed[c].append(name)
        check_ports("hosts.%s" % name, host, errors)
        database = host.get("database")
        if isinstance(database, dict) and "port" in database and not is_port(database["port"]):
            errors.append("hosts.%s.database.port is not a port: %r" % (name, database["port"]))
        if MAESTRO & seen:
            ssl = host.get("ssl")
            enabled = ssl.get("enabled", ssl_default) if isinstance(ssl, dict) else ssl_default
            if not isinstance(enabled, bool):
                errors.append("hosts.%s.ssl.enabled is not a boolean" % name)
                enabled = False
            server_ssl[name] = enabled

    for c in SINGLE:
        if len(placed[c]) != 1:
            errors.append("%s must run on exactly one host, not %d" % (c, len(placed[c])))
    if not placed["LISTSERV"]:
        errors.append("LISTSERV runs on no host")
    if len(set(server_ssl.values())) > 1:
        on = sorted(str(n) for n, e in server_ssl.items() if e)
        errors.append("component SSL is on for %s but not for every Maestro server" % ", ".join(on))
    return errors


def main(paths):
    if not paths:
        print("usage: pyyaml_peer.py PATH...", file=sys.stderr)
        return 2
    checked = 0
    total = 0
    for path in topology_files(paths):
        checked += 1
        try:
            with open(path, "rb") as f:
                errors = check(yaml.load(f, Loader=yaml.CSafeLoader))
        except (OSError, yaml.YAMLError) as e:
            errors = [" ".join(str(e).split())]
        if errors:
            total += len(errors)
            print("%s: %s" % (path, "; ".join(errors)))
    print("checked %d files: %d errors" % (checked, total))
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
