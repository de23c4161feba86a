"""The trading lease, protocol v1 (docs/trading-lease.md): the replica's decisions, pure.

No I/O here: the loop in agent.py observes (designation, lease, clocks, signals) and asks these functions what to
do, so that every rule is tested by a table (test/unit/sample-app/protocol_test.py).
"""
from dataclasses import dataclass
from typing import Optional, Tuple
from urllib.parse import urlparse
import ipaddress
import re

# Protocol v1's timings, in seconds.
LEASE_SECONDS = 15
# A holder stops when its last successful renew (counted from that renew's send time) is this old, and when its
# last successful read of the designation is this old: 5 s before the 15 s lease could expire under it.
STALE_SECONDS = 10.0
# At most 1 s between ticks (the protocol); the sample ticks every 300 ms.
TICK_SECONDS = 0.3
# Ports of the IB Gateway / TWS: paper accounts (every other port is treated as live).
PAPER_PORTS = (7497, 4002)
# The broker's code for "Couldn't connect to TWS": what a refused TCP connection is reported as.
CODE_UNREACHABLE = 502


@dataclass(frozen=True)
class LeaseBlobs:
    """Where the two blobs of a `trading-lease` prefix URL live."""

    service_url: str  # https://<account>.blob.core.windows.net or https://<host>:<port>/<account> (emulator)
    container: str
    prefix: str  # the blob name prefix, usually the app's name (may contain '/')

    @property
    def designation(self) -> str:
        return self.prefix + "/designation"

    @property
    def lease(self) -> str:
        return self.prefix + "/lease"


class LeaseUrlError(ValueError):
    pass


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def parse_lease_url(raw: str) -> LeaseBlobs:
    """`https://<account>.blob.core.windows.net/<container>/<prefix>`, or path style for an emulator (a host with a
    port, or an IP): `https://<host>:<port>/<account>/<container>/<prefix>`."""
    allowed = ("https://<account>.blob.core.windows.net/<container>/<prefix> or "
               "https://<host>:<port>/<account>/<container>/<prefix>")
    url = urlparse(raw.strip())
    if url.scheme != "https" or not url.hostname or url.query or url.fragment:
        raise LeaseUrlError(f"ALC_TRADING_LEASE {raw!r} is not a lease prefix URL: expected {allowed}")
    parts = [p for p in url.path.split("/") if p]
    path_style = url.port is not None or _is_ip(url.hostname)
    if path_style:
        if len(parts) < 3:
            raise LeaseUrlError(f"ALC_TRADING_LEASE {raw!r} has no account, container and prefix: expected {allowed}")
        account, container, prefix = parts[0], parts[1], "/".join(parts[2:])
        service = f"https://{url.netloc}/{account}"
    else:
        if len(parts) < 2:
            raise LeaseUrlError(f"ALC_TRADING_LEASE {raw!r} has no container and prefix: expected {allowed}")
        container, prefix = parts[0], "/".join(parts[1:])
        service = f"https://{url.netloc}"
    if not re.fullmatch(r"[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])?", container):
        raise LeaseUrlError(f"ALC_TRADING_LEASE {raw!r}: {container!r} is not a blob container name")
    return LeaseBlobs(service, container, prefix)


def is_paper_port(port: int) -> bool:
    return port in PAPER_PORTS


def mode(lease_url: str, port: int) -> str:
    """'lease': follow protocol v1. 'paper': no lease configured and a paper port (previews): trade unfenced.
    'idle': no lease and a live port: never connect."""
    if lease_url.strip():
        return "lease"
    return "paper" if is_paper_port(port) else "idle"


@dataclass(frozen=True)
class Observation:
    """What the replica knows at one instant. Times are monotonic seconds; None = never."""

    now: float
    revision: str  # CONTAINER_APP_REVISION
    designation: Optional[Tuple[str, int]]  # last successfully read (revision, epoch)
    designation_read_at: Optional[float]  # send time of the last successful designation read
    holding: bool
    epoch: Optional[int] = None  # the epoch the lease was acquired under
    renewed_at: Optional[float] = None  # send time of the last successful acquire or renew
    renew_failed: bool = False
    sigterm: bool = False
    never_acquire: bool = False  # test hook AGENT_NEVER_ACQUIRE
    ignore_designation: bool = False  # test hook AGENT_IGNORE_DESIGNATION


def _fresh(at: Optional[float], now: float) -> bool:
    return at is not None and now - at < STALE_SECONDS


def stop_reason(o: Observation) -> Optional[str]:
    """Why a holder must stop now (stop sending, disconnect, write `stopped`, release), or None to go on."""
    if not o.holding:
        return None
    if o.sigterm:
        return "SIGTERM"
    if o.renew_failed:
        return "a renew of the lease failed"
    if not _fresh(o.renewed_at, o.now):
        return f"the last successful renew is {STALE_SECONDS:.0f} s old"
    if o.ignore_designation:
        return None
    if not _fresh(o.designation_read_at, o.now):
        return f"the last successful read of the designation is {STALE_SECONDS:.0f} s old"
    if o.designation != (o.revision, o.epoch):
        rev, epoch = o.designation if o.designation else ("", None)
        return f"the designation names {rev or 'nobody'!s} epoch {epoch}, not {o.revision} epoch {o.epoch}"
    return None


def designated(o: Observation) -> bool:
    """The designation, freshly read, names this replica's revision."""
    return (o.designation is not None and _fresh(o.designation_read_at, o.now)
            and o.revision != "" and o.designation[0] == o.revision)


def should_acquire(o: Observation) -> bool:
    """A standby replica tries to take the lease when its revision is designated."""
    return not o.holding and not o.sigterm and not o.never_acquire and designated(o)


def may_connect(o: Observation, acquired_epoch_still_designated: bool) -> bool:
    """After acquiring: connect only if the designation read again names the same revision and epoch."""
    return o.holding and stop_reason(o) is None and acquired_epoch_still_designated


def may_send_order(o: Observation, state: Optional[str]) -> bool:
    """An order goes out only while `trading` is written and no stop rule holds, checked before every order."""
    return o.holding and state == "trading" and stop_reason(o) is None


def next_since(prev_state: Optional[str], prev_since: Optional[str], state: str, now_iso: str) -> str:
    """`since`: the ISO time the state began; a state that repeats keeps its first `since`."""
    return prev_since if prev_state == state and prev_since else now_iso


def metadata(holder: str, revision: str, epoch: int, state: str, since: str, code: Optional[int] = None) -> dict:
    """The lease blob's metadata as the holder writes it (all values strings)."""
    m = {"holder": holder, "revision": revision, "epoch": str(epoch), "state": state, "since": since}
    if state == "refused" and code is not None:
        m["code"] = str(code)
    return m


def parse_designation(body: bytes) -> Tuple[str, int]:
    """The designation blob's JSON {"revision": "...", "epoch": n}."""
    import json

    d = json.loads(body.decode("utf-8"))
    rev, epoch = d.get("revision"), d.get("epoch")
    if not isinstance(rev, str) or not isinstance(epoch, int) or isinstance(epoch, bool):
        raise ValueError(f"designation {body[:200]!r} is not {{\"revision\": string, \"epoch\": integer}}")
    return rev, epoch


FAIL_HOOKS = ("throw", "reject")


def fail_hooks(raw: str) -> frozenset:
    """AGENT_FAIL (a bad release, for the demo): `throw` (the strategy step raises while the replica trades) and
    `reject` (its orders name a symbol the broker rejects), separated by commas, `+` or spaces. Unknown words are
    ignored."""
    import re

    return frozenset(w for w in re.split(r"[,+\s]+", raw.strip().lower()) if w in FAIL_HOOKS)
