"""Lists the files the sample agent needs from Debian's python3 and python3-azure (run by prepare.sh).

It imports the agent and drives the SDK paths it uses (managed identity token, blob download, lease, metadata)
against addresses that refuse, so that lazily imported modules load too; then it prints, one per line, every
file to copy: the interpreter, the modules in sys.modules (stdlib packages and third-party packages whole, with
their __pycache__), the extension modules and the shared libraries they link (ldd).
"""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "rootfs", "app", "agent"))
os.environ.update(IDENTITY_ENDPOINT="http://127.0.0.1:9/msi/token", IDENTITY_HEADER="closure")

import agent  # noqa: E402,F401
import protocol  # noqa: E402

# The paths the agent takes at run time, against a refusing address.
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError  # noqa: E402,F401
from azure.identity import ManagedIdentityCredential  # noqa: E402
from azure.storage.blob import BlobClient, BlobLeaseClient  # noqa: E402

cred = ManagedIdentityCredential(retry_total=0, connection_timeout=1, read_timeout=1)
for call in (lambda: cred.get_token("https://storage.azure.com/.default"),):
    try:
        call()
    except Exception:  # noqa: BLE001
        pass
blob = BlobClient("https://127.0.0.1:9/devstoreaccount1", "trading", "x/lease", credential=cred, retry_total=0,
                  connection_timeout=1, read_timeout=1)
lease = BlobLeaseClient(blob)
for call in (lambda: blob.download_blob().readall(), lambda: lease.acquire(lease_duration=15), lambda: lease.renew(),
             lambda: blob.set_blob_metadata({"a": "b"}, lease=lease), lambda: lease.release()):
    try:
        call()
    except Exception:  # noqa: BLE001
        pass
# Modules loaded only on answers (TLS, HTTP parsing, XML errors, JSON, IDNA host names, JWT claims, dates).
import email.parser, http.client, ssl, json, xml.etree.ElementTree, encodings.idna, hmac, uuid, base64  # noqa
import datetime, decimal, ipaddress, zlib, socket, selectors, queue, logging.handlers  # noqa
import jwt, msal, requests, urllib3, certifi, cryptography.x509, isodate, typing_extensions  # noqa
import cryptography.hazmat.primitives.asymmetric.rsa, cryptography.hazmat.backends.openssl  # noqa
import charset_normalizer, idna  # noqa

STDLIB = os.path.dirname(os.__file__)  # /usr/lib/python3.11
TAG = sys.implementation.cache_tag  # cpython-311
MULTIARCH = getattr(sys.implementation, "_multiarch", "x86_64-linux-gnu")
DYNLOAD = os.path.join(STDLIB, "lib-dynload")
DIST = "/usr/lib/python3/dist-packages"
NAMESPACES = {"azure", "azure.storage"}  # Debian ships these with every azure package: only their __init__.py

files = {os.path.realpath(sys.executable), sys.executable}
trees = set()


def copy_tree(path):
    trees.add(path)


for name, mod in list(sys.modules.items()):
    f = getattr(mod, "__file__", None)
    if not f:
        continue
    f = os.path.abspath(f)
    parts = name.split(".")
    if f.startswith(DIST + "/"):
        top = parts[0]
        if top == "azure":
            depth = 3 if parts[:2] == ["azure", "storage"] else 2
            for ns in ("azure", "azure.storage"):
                files.add(os.path.join(DIST, *ns.split("."), "__init__.py"))
            if len(parts) < depth:
                continue
            copy_tree(os.path.join(DIST, *parts[:depth]))
        else:
            p = os.path.join(DIST, top)
            copy_tree(p if os.path.isdir(p) else f)
    elif f.startswith(DYNLOAD + "/"):
        files.add(f)
    elif f.startswith(STDLIB + "/"):
        rel = os.path.relpath(f, STDLIB).split(os.sep)
        if len(rel) > 1:
            copy_tree(os.path.join(STDLIB, rel[0]))
        else:
            files.add(f)
            base = os.path.splitext(rel[0])[0]
            pyc = os.path.join(STDLIB, "__pycache__", f"{base}.{TAG}.pyc")
            if os.path.exists(pyc):
                files.add(pyc)
    elif f.startswith(here):
        continue
    else:
        files.add(f)
# site.py's Debian hooks and the landmark the interpreter looks for to find its prefix.
for extra in ("os.py", "site.py", "sitecustomize.py", f"_sysconfigdata__{MULTIARCH}.py"):
    p = os.path.join(STDLIB, extra)
    if os.path.exists(p):
        files.add(p)

# Expand the trees (no tests), then the shared libraries of every ELF file.
out = set(files)
for t in trees:
    if os.path.isfile(t):
        out.add(t)
        continue
    for root, dirs, fs in os.walk(t):
        dirs[:] = [d for d in dirs if d not in ("tests", "test", "idle_test")]
        for fn in fs:
            if fn.endswith((".py", ".pyc", ".so", ".pem", ".json", ".typed")) or ".so." in fn:
                out.add(os.path.join(root, fn))
# OpenSSL's providers (cryptography loads the legacy one) and its configuration.
import glob  # noqa: E402
for f in glob.glob(f"/usr/lib/{MULTIARCH}/ossl-modules/*.so") + ["/usr/lib/ssl/openssl.cnf"]:
    out.add(f)
elves = [f for f in out if f.endswith(".so") or ".so." in f or f == os.path.realpath(sys.executable)]
for elf in elves:
    res = subprocess.run(["ldd", elf], capture_output=True, text=True)
    for line in res.stdout.splitlines():
        bits = line.split()
        for b in bits:
            if b.startswith("/"):
                out.add(b)
                out.add(os.path.realpath(b))
# Canonical paths (Debian merges /lib into /usr/lib): a symlink's parent directories resolved, the symlink kept
# (sonames like libz.so.1 are symlinks) and its targets added.
final = set()
for f in out:
    if not os.path.exists(f):
        continue
    c = os.path.join(os.path.realpath(os.path.dirname(f)), os.path.basename(f))
    while True:
        final.add(c)
        if not os.path.islink(c):
            break
        c = os.path.join(os.path.dirname(c), os.readlink(c))
        c = os.path.join(os.path.realpath(os.path.dirname(c)), os.path.basename(c))
for f in sorted(final):
    print(f)
