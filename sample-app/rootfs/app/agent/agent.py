"""ALC-Algo's sample trading agent: the reference replica of the trading lease, protocol v1 (docs/trading-lease.md).

One loop, ticking every 300 ms: it reads the designation blob, takes or renews the 15 s lease on the lease blob
(Azure Blob Storage through azure-storage-blob, authenticated by the container's managed identity through
azure-identity's ManagedIdentityCredential: IDENTITY_ENDPOINT / IDENTITY_HEADER), connects to the broker (newline
JSON over TCP: hello, rebind, orders) and sends ~5 orders/s while it trades. The rules are in protocol.py (pure).

Telemetry (telemetry.py): with APPLICATIONINSIGHTS_CONNECTION_STRING, the loop's exceptions and the custom metrics
agent_runs, orders_sent, orders_rejected go to Application Insights' track API.

Environment: ALC_TRADING_LEASE (the prefix URL; absent: paper port only), IBKR_HOST (ib-gateway), IBKR_PORT,
IBKR_CLIENT_ID (1), CONTAINER_APP_NAME, CONTAINER_APP_REVISION, CONTAINER_APP_REPLICA_NAME,
APPLICATIONINSIGHTS_CONNECTION_STRING; test hooks AGENT_NEVER_ACQUIRE=true, AGENT_IGNORE_DESIGNATION=true,
AGENT_FAIL=throw,reject (a bad release: while it trades, its strategy step throws and its orders are rejected);
AGENT_TICK_MS (300), AGENT_ORDERS_PER_SECOND (5).
"""
import datetime
import json
import os
import signal
import socket
import sys
import time

import protocol as p
import telemetry as t


def process_age() -> float:
    """Seconds since this process started (Linux /proc), for the start-up figure in the log."""
    try:
        ticks = int(open("/proc/self/stat").read().rsplit(")", 1)[1].split()[19])
        return float(open("/proc/uptime").read().split()[0]) - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def log(line: str) -> None:
    sys.stdout.write(f"agent: {line}\n")
    sys.stdout.flush()


def iso_now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes")


class Refused(Exception):
    def __init__(self, code: int, message: str):
        super().__init__(f"{code} {message}")
        self.code = code


class Broker:
    """One session with the broker stand-in (or the firm's IB bridge speaking the same lines)."""

    def __init__(self, host: str, port: int, timeout: float = 2.0):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.file = self.sock.makefile("rb")

    def call(self, msg: dict) -> dict:
        self.sock.sendall((json.dumps(msg) + "\n").encode())
        line = self.file.readline()
        if not line:
            raise ConnectionError("the broker closed the session")
        return json.loads(line)

    def close(self, bye: bool = True) -> None:
        try:
            if bye:
                self.sock.sendall(b'{"op":"bye"}\n')
        except OSError:
            pass
        try:
            self.file.close()
            self.sock.close()
        except OSError:
            pass


class Agent:
    def __init__(self) -> None:
        e = os.environ
        self.revision = e.get("CONTAINER_APP_REVISION", "")
        self.replica = e.get("CONTAINER_APP_REPLICA_NAME") or socket.gethostname()
        self.host = e.get("IBKR_HOST") or "ib-gateway"
        self.port = int(e.get("IBKR_PORT") or "7497")
        self.client_id = int(e.get("IBKR_CLIENT_ID") or "1")
        self.lease_url = e.get("ALC_TRADING_LEASE", "")
        self.never_acquire = env_flag("AGENT_NEVER_ACQUIRE")
        self.ignore_designation = env_flag("AGENT_IGNORE_DESIGNATION")
        self.fail = p.fail_hooks(e.get("AGENT_FAIL", ""))
        self.app = e.get("CONTAINER_APP_NAME", "")
        self.telemetry = None
        self.tick_s = min(1.0, int(e.get("AGENT_TICK_MS") or "300") / 1000)
        self.order_s = 1.0 / float(e.get("AGENT_ORDERS_PER_SECOND") or "5")
        self.mode = p.mode(self.lease_url, self.port)
        self.sigterm = False
        # Protocol state.
        self.designation = None
        self.designation_read_at = None
        self.holding = False
        self.epoch = None
        self.renewed_at = None
        self.state = None  # the state last written to the lease metadata
        self.since = None
        self.code = None
        self.session = None  # Broker while connected
        self.trading = False
        self.seq = 0
        self.run_id = int(time.time() * 1000)
        self.next_order = 0.0
        self.last_note = None

    # ---- logging: one line per change -----------------------------------------------------------------------
    def note(self, line: str) -> None:
        if line != self.last_note:
            self.last_note = line
            log(line)

    def obs(self, now=None, renew_failed=False) -> p.Observation:
        return p.Observation(
            now=time.monotonic() if now is None else now, revision=self.revision, designation=self.designation,
            designation_read_at=self.designation_read_at, holding=self.holding, epoch=self.epoch,
            renewed_at=self.renewed_at, renew_failed=renew_failed, sigterm=self.sigterm,
            never_acquire=self.never_acquire, ignore_designation=self.ignore_designation)

    # ---- storage ---------------------------------------------------------------------------------------------
    def open_store(self) -> None:
        from azure.identity import ManagedIdentityCredential
        from azure.storage.blob import BlobClient, BlobLeaseClient

        blobs = p.parse_lease_url(self.lease_url)
        # No SDK retries and short timeouts: the loop retries every tick, and a slow renew counts from its send.
        timeouts = dict(retry_total=0, connection_timeout=2, read_timeout=3)
        credential = ManagedIdentityCredential(**timeouts)
        opts = dict(credential=credential, **timeouts)
        self.designation_blob = BlobClient(blobs.service_url, blobs.container, blobs.designation, **opts)
        self.lease_blob = BlobClient(blobs.service_url, blobs.container, blobs.lease, **opts)
        self.lease = BlobLeaseClient(self.lease_blob)
        self.blobs = blobs

    def read_designation(self) -> bool:
        from azure.core.exceptions import ResourceNotFoundError

        sent = time.monotonic()
        try:
            try:
                d = p.parse_designation(self.designation_blob.download_blob().readall())
            except ResourceNotFoundError:
                d = ("", 0)  # no designation blob yet: nobody may trade
        except Exception as err:  # noqa: BLE001 - any failure is a failed read; the 10 s rule decides
            self.note(f"cannot read the designation: {short(err)}")
            return False
        if d != self.designation:
            log(f"designation: {d[0] or 'nobody'} epoch {d[1]}"
                + (" (this revision)" if d[0] == self.revision and d[0] else ""))
        self.designation, self.designation_read_at = d, sent
        return True

    def write_state(self, state: str, code=None) -> bool:
        since = p.next_since(self.state, self.since, state, iso_now())
        md = p.metadata(self.replica, self.revision, self.epoch, state, since, code)
        try:
            self.lease_blob.set_blob_metadata(md, lease=self.lease)
        except Exception as err:  # noqa: BLE001
            log(f"cannot write state {state}: {short(err)}")
            return False
        if state != self.state or code != self.code:
            log(f"state {state}" + (f" code {code}" if code is not None else "") + f" (epoch {self.epoch}, since {since})")
        self.state, self.since, self.code = state, since, code
        return True

    def acquire(self) -> None:
        from azure.core.exceptions import HttpResponseError

        epoch = self.designation[1]
        sent = time.monotonic()
        try:
            self.lease.acquire(lease_duration=p.LEASE_SECONDS)
        except HttpResponseError as err:
            if err.status_code == 409:
                self.note(f"standby: designated (epoch {epoch}), the lease is held by another replica")
            else:
                self.note(f"standby: cannot acquire the lease: {short(err)}")
            return
        except Exception as err:  # noqa: BLE001
            self.note(f"standby: cannot acquire the lease: {short(err)}")
            return
        self.holding, self.epoch, self.renewed_at = True, epoch, sent
        self.state = self.since = self.code = None
        log(f"acquired the lease under epoch {epoch}")
        if not self.write_state("acquired"):
            self.stop("the metadata `acquired` could not be written")
            return
        # Read the designation again: only if it still names this revision with the same epoch, connect.
        if not self.read_designation():
            self.stop("the designation could not be read again after acquiring")
            return
        reason = p.stop_reason(self.obs())
        if reason:
            self.stop(reason)
            return
        self.connect()

    def renew(self) -> bool:
        sent = time.monotonic()
        try:
            self.lease.renew()
        except Exception as err:  # noqa: BLE001
            log(f"renew failed: {short(err)}")
            return False
        self.renewed_at = sent
        return True

    # ---- broker ----------------------------------------------------------------------------------------------
    def connect(self) -> None:
        """hello, rebind the open orders it lists, then write `trading` (or `refused` with the code)."""
        if self.session is not None:
            if self.state != "trading" and self.mode == "lease":
                self.trading = self.write_state("trading")
            return
        hello = {"op": "hello", "clientId": self.client_id, "revision": self.revision, "replica": self.replica,
                 "epoch": self.epoch if self.epoch is not None else 0}
        try:
            session = Broker(self.host, self.port)
        except OSError as err:
            self.refused(p.CODE_UNREACHABLE, f"cannot reach the broker at {self.host}:{self.port}: {short(err)}")
            return
        try:
            answer = session.call(hello)
            if not answer.get("ok"):
                session.close(bye=False)
                self.refused(int(answer.get("code") or 0), str(answer.get("message", "")))
                return
            open_orders = answer.get("openOrders") or []
            bound = session.call({"op": "rebind", "orderIds": open_orders})
            if not bound.get("ok"):
                raise ConnectionError(f"rebind refused: {bound}")
        except (OSError, ValueError) as err:
            session.close(bye=False)
            self.refused(p.CODE_UNREACHABLE, f"broker session failed: {short(err)}")
            return
        self.session = session
        log(f"broker session on {self.host}:{self.port} client id {self.client_id}: "
            f"rebound {len(open_orders)} open order(s)")
        if self.mode == "lease":
            self.trading = self.write_state("trading")
        else:
            self.trading = True
            log("trading (paper, no trading lease configured)")
        self.next_order = time.monotonic()

    def refused(self, code: int, message: str) -> None:
        self.note(f"broker refused: {code} {message}")
        if self.mode == "lease":
            self.write_state("refused", code)

    def disconnect(self) -> None:
        self.trading = False
        if self.session is not None:
            self.session.close(bye=True)
            self.session = None
            log("broker session closed (bye)")

    def send_order(self) -> None:
        self.seq += 1
        # AGENT_FAIL=reject: a symbol the broker has no contract for (rejected with code 200).
        symbol = "SPY?" if "reject" in self.fail else "SPY"
        order = {"op": "order", "orderId": f"{self.replica}-{self.run_id}-{self.seq}", "symbol": symbol,
                 "side": "BUY" if self.seq % 2 else "SELL", "qty": 1}
        try:
            answer = self.session.call(order)
        except (OSError, ValueError) as err:
            log(f"broker session lost: {short(err)}")
            self.session.close(bye=False)
            self.session, self.trading = None, False
            return
        self.count("orders_sent")
        if not answer.get("ok"):
            self.count("orders_rejected")
            self.note(f"order refused: {answer}")

    def count(self, name: str) -> None:
        if self.telemetry is not None:
            self.telemetry.count(name)

    def strategy_step(self) -> None:
        """The agents' work while this replica trades (here: nothing but the AGENT_FAIL=throw hook)."""
        if "throw" in self.fail:
            raise RuntimeError("strategy step failed: no price history for SPY (AGENT_FAIL=throw)")

    def start_telemetry(self) -> None:
        raw = os.environ.get("APPLICATIONINSIGHTS_CONNECTION_STRING", "")
        if not raw.strip():
            log("no APPLICATIONINSIGHTS_CONNECTION_STRING: no telemetry")
            return
        try:
            self.telemetry = t.Telemetry(raw, self.app, self.replica, log)
        except t.ConnectionStringError as err:
            log(f"{err}: no telemetry")
            return
        self.telemetry.start()

    # ---- the stop -------------------------------------------------------------------------------------------
    def stop(self, reason: str) -> None:
        """Stop sending at once, bye and disconnect, write `stopped`, release."""
        self.trading = False
        log(f"stopping: {reason}")
        self.disconnect()
        if self.holding:
            self.write_state("stopped")
            try:
                self.lease.release()
                log("released the lease")
            except Exception as err:  # noqa: BLE001
                log(f"release failed (the lease expires in at most {p.LEASE_SECONDS} s): {short(err)}")
            self.holding, self.epoch, self.renewed_at = False, None, None

    # ---- the loop ------------------------------------------------------------------------------------------
    def tick(self) -> None:
        if self.mode == "paper":
            if self.session is None:
                self.connect()
            return
        self.read_designation()
        if self.holding:
            reason = p.stop_reason(self.obs())
            if reason:
                self.stop(reason)
                return
            if not self.renew():
                self.stop(p.stop_reason(self.obs(renew_failed=True)) or "a renew of the lease failed")
                return
            if not self.trading:
                self.connect()
        elif p.should_acquire(self.obs()):
            self.acquire()
        elif self.designation is not None:
            if self.never_acquire and p.designated(self.obs()):
                self.note("standby: designated but AGENT_NEVER_ACQUIRE=true: never taking the lease")
            elif not p.designated(self.obs()):
                self.note(f"standby: not designated ({self.designation[0] or 'nobody'} "
                          f"epoch {self.designation[1]} is)")

    def may_order(self) -> bool:
        if self.mode == "paper":
            return self.trading and not self.sigterm
        return self.trading and p.may_send_order(self.obs(), self.state)

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self.on_sigterm)
        signal.signal(signal.SIGINT, self.on_sigterm)
        hooks = [h for h in ("AGENT_NEVER_ACQUIRE", "AGENT_IGNORE_DESIGNATION") if env_flag(h)]
        hooks += [f"AGENT_FAIL={','.join(sorted(self.fail))}"] if self.fail else []
        self.start_telemetry()
        log(f"replica {self.replica} of {self.revision or '?'}: broker {self.host}:{self.port} client id "
            f"{self.client_id}, mode {self.mode}" + (f", test hooks {' '.join(hooks)}" if hooks else "")
            + f" (python started in {process_age():.2f} s)")
        if self.mode == "idle":
            log(f"IBKR_PORT {self.port} is a live port and ALC_TRADING_LEASE is not set: "
                "this replica never connects to the broker")
        elif self.mode == "lease":
            try:
                self.open_store()
            except p.LeaseUrlError as err:
                log(f"{err}: this replica never connects to the broker")
                self.mode = "idle"
            if self.mode == "lease":
                log(f"trading lease {self.lease_url} (SDK loaded, {process_age():.2f} s after start)")
        next_tick = time.monotonic()
        while not self.sigterm:
            if self.mode == "idle":
                # Nothing to tick: wait for SIGTERM without spinning (next_tick never moves in this mode).
                time.sleep(0.25)
                continue
            now = time.monotonic()
            if now >= next_tick:
                self.tick()
                self.count("agent_runs")
                if self.trading:
                    try:
                        self.strategy_step()
                    except Exception as err:  # noqa: BLE001 - an agent's failure is reported, the loop goes on
                        self.note(f"strategy step failed: {short(err)}")
                        if self.telemetry is not None:
                            self.telemetry.exception(err, "agent.strategy_step")
                next_tick = max(next_tick + self.tick_s, time.monotonic())
            now = time.monotonic()
            if self.may_order() and now >= self.next_order:
                self.send_order()
                self.next_order = max(self.next_order + self.order_s, now - self.order_s)
            wake = next_tick if not self.trading else min(next_tick, self.next_order)
            time.sleep(max(0.0, min(0.05, wake - time.monotonic())))
        # SIGTERM: no order after this point.
        self.trading = False
        if self.holding:
            self.stop("SIGTERM")
        else:
            self.disconnect()
        if self.telemetry is not None:
            self.telemetry.stop()
        log("exit")
        return 0

    def on_sigterm(self, signum, frame) -> None:
        self.sigterm = True
        self.trading = False


def short(err: BaseException) -> str:
    text = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    return f"{type(err).__name__}: {text[:200]}"


if __name__ == "__main__":
    sys.exit(Agent().run())
