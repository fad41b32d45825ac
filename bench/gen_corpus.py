#!/usr/bin/env python3
"""Writes the benchmark corpus: many varied, valid topology files.

Usage: python3 bench/gen_corpus.py OUTDIR [--count N] [--seed S]

Writes OUTDIR/corpus/dNNN/topology-NNNNN.yaml (100 files per folder) and
OUTDIR/large-2000.yaml, OUTDIR/large-20000.yaml and OUTDIR/large-100000.yaml
(that many LISTSERV hosts; the last is for the `plan` scaling row).

Every file must validate without errors (warnings are fine), so the benchmark
measures the whole path of a clean run. The output depends only on the seed
and the count: each file has its own random.Random seeded with a string, which
Python hashes with SHA-512, not with the per-process string hash.
"""

import argparse
import os
import random
import sys

FILES_PER_DIR = 100

COMPANIES = [
    "acme", "globex", "initech", "umbrella", "hooli", "vandelay", "stark",
    "wayne", "tyrell", "cyberdyne", "soylent", "wonka", "gringotts", "oscorp",
    "nakatomi", "massive-dynamic", "blue-sun", "aperture", "black-mesa", "dunder",
]
DOMAIN_TAILS = ["example", "example.com", "example.net", "example.org", "corp.example", "internal.example"]
ENVIRONMENTS = ["production", "prod", "staging", "test", "dev", "eu", "us-east", "newsletters", "lists", "dr"]
CA_NAMES = [
    "{C} Issuing CA 2026", "{C} Internal Root CA", "{C} Mail Services CA",
    "Corporate Issuing CA G2", "{C} Intermediate CA 01",
]
ENV_NAMES = [
    "MAESTRO_KEYSTORE_PASSWORD", "MAESTRO_KS_PASSWORD", "KEYSTORE_PASSWORD",
    "MAESTRO_SSL_PW", "LSOFT_KEYSTORE_PW", "TOPO_KEYSTORE_SECRET",
]
SECRET_FILES = [
    "/etc/maestro-topo/keystore.pw", "/run/secrets/maestro_keystore",
    "/etc/lsoft/keystore.pass", "/var/lib/maestro/secrets/ks.pw",
]
LINUX_FOLDERS = ["/opt/lsoft/maestro", "/opt/maestro", "/srv/lsoft/maestro", "/usr/local/lsoft/maestro"]
WINDOWS_FOLDERS = [
    r"C:\Program Files\L-Soft\Maestro", r"D:\L-Soft\Maestro", r"E:\Apps\Maestro",
    r"C:\Maestro", "C:/Program Files/L-Soft/Maestro",
]
WINDOWS_KEYSTORE_DIRS = [r"D:\Certificates", r"C:\ProgramData\Maestro\keystore", r"E:\ssl"]
LINUX_KEYSTORE_DIRS = ["/etc/maestro/keystore", "/etc/ssl/maestro", "/var/lib/maestro/keys"]
ENGINES = {"internal": 3306, "mysql": 3306, "mssql": 1433, "oracle": 1521, "db2": 50000, "postgresql": 5432}
CUSTOM_DB_PORTS = [3307, 3316, 1434, 1522, 50001, 5433, 15432]
# Disjoint sets, so a host's three ports can never clash.
INTERNAL_PORTS = [1099, 1199, 2099, 9099]
TRACKER_PORTS = [7000, 7001, 7100, 17000]
HTTP_PORTS = [80, 8080, 8081, 8443]

LUI, HUB, TRK, DB, LSV = "LUI", "HUB", "TRK", "DATABASE", "LISTSERV"
MAESTRO = {LUI, HUB, TRK}

# Layouts: components per host, and a relative weight.
LAYOUTS = [
    ("single", [[LUI, HUB, TRK, DB, LSV]], 10),
    ("two-server", [[LUI, HUB, TRK], [DB, LSV]], 10),
    ("two-server-db", [[LUI, HUB, TRK, DB], [LSV]], 6),
    ("three-server", [[LUI, HUB], [TRK], [DB, LSV]], 10),
    ("three-server-ext", [[LUI, HUB, TRK], [DB], [LSV]], 6),
    ("three-server-db", [[LUI, HUB, DB], [TRK], [LSV]], 6),
    ("four-server", [[LUI, HUB], [TRK], [DB], [LSV]], 20),
    ("five-server", [[LUI], [HUB], [TRK], [DB], [LSV]], 6),
    ("multi-listserv", [[LUI, HUB], [TRK], [DB]], 16),
    ("two-server-multi-listserv", [[LUI, HUB, TRK, DB]], 10),
]

DESCRIPTIONS = {
    "single": "Everything on one host: Maestro, its database and LISTSERV.",
    "two-server": "Maestro on one server; database and LISTSERV on a second.",
    "two-server-db": "Maestro with its database on one server; LISTSERV apart.",
    "three-server": "LUI and HUB together, the Tracker on its own, data on a third host.",
    "three-server-ext": "Maestro on one server, database and LISTSERV on their own hosts.",
    "three-server-db": "LUI, HUB and the database together; Tracker and LISTSERV apart.",
    "four-server": "The recommended high-volume layout: LUI+HUB / TRK / DATABASE / LISTSERV.",
    "five-server": "Each Maestro component on its own server.",
    "multi-listserv": "Four-server layout with several LISTSERV hosts.",
    "two-server-multi-listserv": "One Maestro server with its database, several LISTSERV hosts.",
}


def host_prefixes(components):
    cs = set(components)
    if cs >= {LUI, HUB, TRK}:
        return ["maestro", "app", "mx", "ml"]
    if LUI in cs:
        return ["ui", "lui", "web", "maestro-ui"]
    if HUB in cs:
        return ["hub", "admin", "maestro-hub"]
    if TRK in cs:
        return ["trk", "tracker", "track", "t"]
    if DB in cs:
        return ["db", "sql", "data", "pg", "dbhost"]
    return ["lsv", "listserv", "lists", "mail"]


def is_absolute(path, os_name):
    if os_name == "linux":
        return path.startswith("/")
    if path.startswith("\\\\"):
        return True
    return len(path) >= 3 and path[0].isalpha() and path[1] == ":" and path[2] in "\\/"


class Host:
    def __init__(self, name, components):
        self.name = name
        self.components = components
        # Lists of (key, value as written), in file order.
        self.settings = []
        self.database = None
        self.ssl = None

    @property
    def is_server(self):
        return bool(MAESTRO & set(self.components))


def single_quoted(text):
    return "'" + text.replace("'", "''") + "'"


def windows_path(rng, path):
    # Mostly single quotes, as the format recommends; some plain, some escaped.
    style = rng.random()
    if style < 0.8 or "/" in path:
        return single_quoted(path)
    if style < 0.9 and " " not in path:
        return path
    return '"' + path.replace("\\", "\\\\") + '"'


def render_path(rng, path, os_name):
    return windows_path(rng, path) if os_name == "windows" else path


def render_secret(rng):
    if rng.random() < 0.6:
        return "{env: %s}" % rng.choice(ENV_NAMES)
    return "{file: %s}" % rng.choice(SECRET_FILES)


def render_text(rng, text):
    r = rng.random()
    if r < 0.75:
        return text
    if r < 0.9:
        return '"%s"' % text
    return single_quoted(text)


def make_topology(rng):
    layout, base, _ = rng.choices(LAYOUTS, weights=[w for _, _, w in LAYOUTS])[0]
    hosts_components = [list(c) for c in base]
    if layout == "multi-listserv":
        hosts_components += [[LSV] for _ in range(rng.randint(2, 8))]
    elif layout == "two-server-multi-listserv":
        hosts_components += [[LSV] for _ in range(rng.randint(2, 5))]
    for comps in hosts_components:
        if len(comps) > 1 and rng.random() < 0.15:
            rng.shuffle(comps)

    company = rng.choice(COMPANIES)
    domain = "%s.%s" % (company, rng.choice(DOMAIN_TAILS))
    env = rng.choice(ENVIRONMENTS)
    if rng.random() < 0.3:
        domain = "%s.%s" % (env, domain)

    # Host names: unique per file, compared without regard to case.
    taken = set()
    hosts = []
    lsv_count = sum(1 for c in hosts_components if c == [LSV])
    lsv_seen = 0
    numbered = rng.random() < 0.4
    for comps in hosts_components:
        prefix = rng.choice(host_prefixes(comps))
        if comps == [LSV] and lsv_count > 1:
            lsv_seen += 1
            label = "%s%d" % (prefix, lsv_seen) if rng.random() < 0.5 else "%s-%02d" % (prefix, lsv_seen)
        elif numbered:
            label = "%s%02d" % (prefix, rng.randint(1, 40))
        else:
            label = prefix
        name = "%s.%s" % (label, domain)
        n = 2
        while name.lower() in taken:
            name = "%s%d.%s" % (label, n, domain)
            n += 1
        taken.add(name.lower())
        if rng.random() < 0.03:
            name = name[0].upper() + name[1:]
        hosts.append(Host(name, comps))
    servers = [h for h in hosts if h.is_server]

    # Operating systems.
    r = rng.random()
    os_mode = "linux" if r < 0.65 else "windows" if r < 0.8 else "mixed"
    host_os = {}
    for h in hosts:
        if os_mode == "mixed":
            host_os[h.name] = rng.choice(["linux", "windows"])
        else:
            host_os[h.name] = os_mode

    # defaults section.
    defaults = []
    default_os = "linux"
    default_folder = None
    if rng.random() < 0.6:
        if os_mode == "windows" or (os_mode == "mixed" and rng.random() < 0.4):
            default_os = "windows"
        if default_os == "windows" or rng.random() < 0.6:
            defaults.append(("os", default_os))
        if rng.random() < 0.6:
            if default_os == "windows":
                default_folder = rng.choice(WINDOWS_FOLDERS)
            else:
                default_folder = rng.choice(LINUX_FOLDERS)
            defaults.append(("install_folder", render_path(rng, default_folder, default_os)))

    # Ports: the tracker port is shared by the LUI and TRK hosts.
    tracker = rng.choice(TRACKER_PORTS) if rng.random() < 0.4 else 7000
    tracker_in_defaults = bool(defaults) and rng.random() < 0.5 and (tracker != 7000 or rng.random() < 0.5)
    if defaults and rng.random() < 0.3:
        defaults.append(("internal_port", str(rng.choice(INTERNAL_PORTS))))
    if tracker_in_defaults:
        defaults.append(("tracker_port", str(tracker)))
    if defaults and rng.random() < 0.2:
        defaults.append(("http_port", str(rng.choice(HTTP_PORTS))))

    for h in hosts:
        os_name = host_os[h.name]
        if os_name != default_os or rng.random() < 0.1:
            h.settings.append(("os", os_name))
        effective = default_folder if default_folder is not None else (
            r"C:\Program Files\L-Soft\Maestro" if os_name == "windows" else "/opt/lsoft/maestro")
        if not is_absolute(effective, os_name) or rng.random() < 0.1:
            folder = rng.choice(WINDOWS_FOLDERS if os_name == "windows" else LINUX_FOLDERS)
            h.settings.append(("install_folder", render_path(rng, folder, os_name)))
        if h.is_server:
            if rng.random() < 0.12:
                h.settings.append(("internal_port", str(rng.choice(INTERNAL_PORTS))))
            if not tracker_in_defaults and (tracker != 7000 or rng.random() < 0.08):
                h.settings.append(("tracker_port", str(tracker)))
            if rng.random() < 0.12:
                h.settings.append(("http_port", str(rng.choice(HTTP_PORTS))))
        r = rng.random()
        if DB in h.components and r >= 0.3:  # else no database section: internal on 3306
            engine = rng.choice(list(ENGINES))
            h.database = [("engine", engine)]
            if r > 0.75:
                port = ENGINES[engine] if rng.random() < 0.5 else rng.choice(CUSTOM_DB_PORTS)
                h.database.append(("port", str(port)))

    # Component SSL: on for every Maestro server or for none.
    ssl_on = rng.random() < (0.6 if len(servers) >= 2 else 0.1)
    component_ssl = None
    company_title = company.replace("-", " ").title()
    ca = rng.choice(CA_NAMES).format(C=company_title)
    true_word = "true" if rng.random() < 0.9 else rng.choice(["True", "TRUE"])
    if ssl_on:
        mode = rng.choices(["global", "split", "per-host"], weights=[6, 2, 2])[0]
        if mode == "global":
            component_ssl = [("enabled", true_word), ("ca", render_text(rng, ca)),
                             ("keystore_password", render_secret(rng))]
        elif mode == "split":
            component_ssl = [("enabled", true_word), ("ca", render_text(rng, ca))]
        for h in servers:
            ssl = []
            if mode == "per-host":
                ssl += [("enabled", "true"), ("ca", render_text(rng, ca)), ("keystore_password", render_secret(rng))]
            elif mode == "split":
                ssl.append(("keystore_password", render_secret(rng)))
            if rng.random() < 0.2:
                os_name = host_os[h.name]
                folder = rng.choice(WINDOWS_KEYSTORE_DIRS if os_name == "windows" else LINUX_KEYSTORE_DIRS)
                sep = "\\" if os_name == "windows" else "/"
                ssl.append(("keystore", render_path(rng, folder + sep + h.name + ".jks", os_name)))
            if rng.random() < 0.12:
                names = [s.name for s in servers]
                if rng.random() < 0.5:
                    ssl.append(("allowed_clients", "[%s]" % ", ".join(names)))
                else:
                    # The ssl.ini-style text needs quotes: a flow mapping ends a plain value at a comma.
                    ssl.append(("allowed_clients", single_quoted(",".join(names))))
            if rng.random() < 0.03:
                ssl.append(("aliases", "[%s]" % ("alt-" + h.name)))
            if ssl:
                h.ssl = ssl
    else:
        r = rng.random()
        if r < 0.2:
            component_ssl = [("enabled", "false")]
        elif r < 0.3:
            component_ssl = [("enabled", "false"), ("ca", render_text(rng, ca)),
                             ("keystore_password", render_secret(rng))]
        if servers and rng.random() < 0.05:
            for h in servers:
                h.ssl = [("enabled", "false")]

    top = [("version", "1"),
           ("installation", render_text(rng, "%s-%s" % (company, env)))]
    if rng.random() < 0.5:
        top.append(("maestro_version", rng.choice(['"6.0-1"', '"6.0"', '"6.10"', "6.0-2", "'6.1-1'"])))
    if layout == "four-server" and rng.random() < 0.5:
        top.append(("profile", "high-volume"))
    elif rng.random() < 0.15:
        top.append(("profile", "standard"))
    if rng.random() < 0.12:
        top.append(("tracker_direction", rng.choice(["lui-to-trk", "trk-to-lui", "both"])))

    return layout, top, defaults, component_ssl, hosts


# Trailing comments, by the key they follow; None for a host or section line.
TRAILING = {
    "version": ["required, and must be 1"],
    "installation": ["shown in plans", "names the installation"],
    "maestro_version": ["only shown in the plan header"],
    "profile": ["asks for the four-server check", "no extra checks"],
    "tracker_direction": ["who opens the Tracker port"],
    "os": ["built-in default is linux", "decides path separators"],
    "install_folder": ["[maestro_install_folder]", "keystores are derived from it"],
    "internal_port": ["internal communications"],
    "tracker_port": ["same on the LUI and TRK hosts"],
    "http_port": ["browsers and tracking hits"],
    "enabled": ["for every Maestro server"],
    "ca": ["signs every server certificate"],
    "keystore_password": ["never read by validate or plan"],
    "components": ["what runs here"],
    None: ["owner: ops", "reviewed in the last migration", "do not change without a window"],
}


def trailing(rng, key=None, p=0.12):
    if rng.random() >= p:
        return ""
    return "  # " + rng.choice(TRAILING.get(key) or TRAILING[None])


def emit(rng, index, layout, top, defaults, component_ssl, hosts):
    ind = "    " if rng.random() < 0.15 else "  "
    out = []
    out.append("# Topology %05d: %s" % (index, DESCRIPTIONS[layout]))
    for line in rng.sample([
        "Generated for the maestro-topo benchmark; every file here is valid.",
        "Hosts are listed in the order plans show them.",
        "Keystore passwords are read from the environment or a file, never written here.",
        "Review with the network team before changing ports.",
        "Maintained by the messaging operations team.",
    ], rng.randint(0, 3)):
        out.append("# " + line)
    for k, v in top:
        out.append("%s: %s%s" % (k, v, trailing(rng, k)))
    out.append("")

    def section(name, items):
        if rng.random() < 0.2:
            out.append("%s: {%s}%s" % (name, ", ".join("%s: %s" % kv for kv in items), trailing(rng)))
        else:
            out.append("%s:%s" % (name, trailing(rng)))
            for k, v in items:
                out.append("%s%s: %s%s" % (ind, k, v, trailing(rng, k)))
        out.append("")

    if defaults:
        section("defaults", defaults)
    if component_ssl:
        section("component_ssl", component_ssl)

    out.append("hosts:%s" % trailing(rng))
    flow_hosts = rng.random() < 0.25
    for h in hosts:
        if rng.random() < 0.1:
            out.append("%s# %s" % (ind, " + ".join(h.components)))
        name = '"%s"' % h.name if rng.random() < 0.05 else h.name
        comps = "[%s]" % ", ".join(h.components)
        nested = []
        if h.database:
            nested.append(("database", "{%s}" % ", ".join("%s: %s" % kv for kv in h.database)))
        if h.ssl:
            nested.append(("ssl", "{%s}" % ", ".join("%s: %s" % kv for kv in h.ssl)))
        if flow_hosts or rng.random() < 0.1:
            items = [("components", comps)] + h.settings + nested
            out.append("%s%s: {%s}%s" % (ind, name, ", ".join("%s: %s" % kv for kv in items), trailing(rng)))
            continue
        out.append("%s%s:%s" % (ind, name, trailing(rng)))
        i2 = ind * 2
        if rng.random() < 0.2:
            # Both indentations of a block sequence under its key are common.
            item_indent = i2 + ("  " if rng.random() < 0.5 else "")
            out.append("%scomponents:" % i2)
            for c in h.components:
                out.append("%s- %s" % (item_indent, c))
        else:
            out.append("%scomponents: %s%s" % (i2, comps, trailing(rng, "components")))
        for k, v in h.settings:
            out.append("%s%s: %s%s" % (i2, k, v, trailing(rng, k)))
        for key, items in (("database", h.database), ("ssl", h.ssl)):
            if not items:
                continue
            if rng.random() < 0.6:
                out.append("%s%s: {%s}%s" % (i2, key, ", ".join("%s: %s" % kv for kv in items), trailing(rng)))
            else:
                out.append("%s%s:" % (i2, key))
                for k, v in items:
                    out.append("%s%s%s: %s%s" % (i2, ind, k, v, trailing(rng, k)))
    return "\n".join(out) + "\n"


def large_topology(seed, count):
    """One installation with `count` LISTSERV hosts behind a four-server core."""
    rng = random.Random("%s:large:%d" % (seed, count))
    out = [
        "# Large installation: %d LISTSERV hosts behind one Maestro installation." % count,
        "version: 1",
        "installation: hosting-large-%d" % count,
        'maestro_version: "6.0-1"',
        "",
        "defaults:",
        "  os: linux",
        "  install_folder: /opt/lsoft/maestro",
        "  tracker_port: 7000",
        "",
        "component_ssl:",
        "  enabled: true",
        "  ca: Hosting Issuing CA 2026",
        "  keystore_password: {env: MAESTRO_KEYSTORE_PASSWORD}",
        "",
        "hosts:",
        "  ui.hosting.example:",
        "    components: [LUI, HUB]",
        "  trk.hosting.example:",
        "    components: [TRK]",
        "  db.hosting.example:",
        "    components: [DATABASE]",
        "    database: {engine: postgresql}",
    ]
    for i in range(1, count + 1):
        name = "lsv%05d.pool%02d.hosting.example" % (i, i % 50)
        r = rng.random()
        if r < 0.6:
            out.append("  %s: {components: [LISTSERV]}" % name)
        elif r < 0.85:
            out.append("  %s:" % name)
            out.append("    components: [LISTSERV]")
        else:
            out.append("  %s:  # Windows pool" % name)
            out.append("    components: [LISTSERV]")
            out.append("    os: windows")
            out.append("    install_folder: 'C:\\Program Files\\L-Soft\\Maestro'")
    return "\n".join(out) + "\n"


def write(path, text):
    """Writes only what changed: creating files is the slow part of a rerun."""
    data = text.encode("utf-8")
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return
    except FileNotFoundError:
        pass
    with open(path, "wb") as f:
        f.write(data)


def remove_others(root, keep):
    """Deletes what an earlier run with another count or seed left behind."""
    for folder, dirs, files in os.walk(root, topdown=False):
        for name in files:
            path = os.path.join(folder, name)
            if path not in keep:
                os.remove(path)
        if folder != root and not os.listdir(folder):
            os.rmdir(folder)


def main(argv):
    parser = argparse.ArgumentParser(description="Write the benchmark corpus of valid topology files.")
    parser.add_argument("outdir")
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must not be negative")

    corpus = os.path.join(args.outdir, "corpus")
    written = set()
    for i in range(args.count):
        folder = os.path.join(corpus, "d%03d" % (i // FILES_PER_DIR))
        if i % FILES_PER_DIR == 0:
            os.makedirs(folder, exist_ok=True)
        rng = random.Random("%d:%d" % (args.seed, i))
        path = os.path.join(folder, "topology-%05d.yaml" % i)
        write(path, emit(rng, i, *make_topology(rng)))
        written.add(path)
    remove_others(corpus, written)
    for n in (2000, 20000, 100000):
        write(os.path.join(args.outdir, "large-%d.yaml" % n), large_topology(args.seed, n))
    print("%d files in %s; large-2000.yaml, large-20000.yaml and large-100000.yaml in %s" % (args.count, corpus, args.outdir))


if __name__ == "__main__":
    main(sys.argv[1:])
