"""Application Insights telemetry of the sample agent, over the documented track API (no SDK: Debian's python3-azure
ships azure.monitor.opentelemetry without the OpenTelemetry SDK it needs, so the image has no exporter).

The connection string (APPLICATIONINSIGHTS_CONNECTION_STRING) names the instrumentation key and the ingestion
endpoint; items are batched and posted as a JSON array to `<IngestionEndpoint>v2/track` every FLUSH_SECONDS by a
background thread (the Application Insights SDKs flush every 15 s; 2 s here, so that an analysis interval of a few
seconds sees the data). Every envelope carries ai.cloud.role = CONTAINER_APP_NAME and ai.cloud.roleInstance =
CONTAINER_APP_REPLICA_NAME, as Application Insights' metrics split them (cloud/roleName, cloud/roleInstance).

What the agent sends: an Exception item for every exception its loop caught (typeName, message, problemId), and
per flush the custom metrics agent_runs (loop ticks; an aggregated measurement: value = ticks, count = ticks),
orders_sent and orders_rejected (orders since the last flush; value = that number). The envelope builders and the
connection-string parser are pure (test/unit/sample-app/telemetry_test.py).
"""
import datetime
import gzip
import json
import os
import ssl
import threading
import traceback
import urllib.error
import urllib.request
from typing import Dict, List, Optional, Tuple

FLUSH_SECONDS = 2.0
# Debian's trust store path (the simulator mounts its CA there; a FROM-scratch image has no OpenSSL default paths).
TRUST_STORE = "/etc/ssl/certs/ca-certificates.crt"
DEFAULT_ENDPOINT = "https://dc.services.visualstudio.com/"


class ConnectionStringError(ValueError):
    pass


def parse_connection_string(raw: str) -> Tuple[str, str]:
    """(instrumentation key, ingestion endpoint with a trailing '/') from `Key=Value;...` (keys case-insensitive)."""
    fields = {}
    for part in raw.split(";"):
        if "=" in part:
            k, v = part.split("=", 1)
            fields[k.strip().lower()] = v.strip()
    ikey = fields.get("instrumentationkey", "")
    if not ikey:
        raise ConnectionStringError("APPLICATIONINSIGHTS_CONNECTION_STRING has no InstrumentationKey")
    endpoint = fields.get("ingestionendpoint") or DEFAULT_ENDPOINT
    if not endpoint.startswith("https://"):
        raise ConnectionStringError(f"IngestionEndpoint {endpoint!r} is not an https URL")
    return ikey, endpoint if endpoint.endswith("/") else endpoint + "/"


def iso(t: datetime.datetime) -> str:
    return t.astimezone(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def envelope(ikey: str, kind: str, base: dict, role: str, instance: str, time: str) -> dict:
    """One track API envelope of kind Exception, Metric, Request, Event or Message."""
    return {
        "name": f"Microsoft.ApplicationInsights.{ikey.replace('-', '')}.{kind}",
        "time": time,
        "iKey": ikey,
        "tags": {"ai.cloud.role": role, "ai.cloud.roleInstance": instance, "ai.internal.sdkVersion": "alc-sample:1"},
        "data": {"baseType": f"{kind}Data", "baseData": dict(ver=2, **base)},
    }


def exception_data(err: BaseException, where: str) -> dict:
    """ExceptionData of a caught exception: its type and message, the stack, problemId `<type> at <where>`."""
    stack = "".join(traceback.format_exception(type(err), err, err.__traceback__))[-4000:]
    name = type(err).__name__
    return {"exceptions": [{"typeName": name, "message": str(err)[:1000] or name, "hasFullStack": True,
                            "stack": stack}],
            "severityLevel": 3, "problemId": f"{name} at {where}"}


def metric_data(name: str, value: float, count: int = 1) -> dict:
    """MetricData of one measurement (count 1) or an aggregate of `count` samples summing to `value`."""
    return {"metrics": [{"name": name, "value": value, "count": max(1, count), "kind": 0 if count <= 1 else 1}],
            "properties": {}}


class Telemetry:
    """Buffers items and counters; a daemon thread posts them every FLUSH_SECONDS. Never raises into the agent."""

    def __init__(self, connection_string: str, role: str, instance: str, log, flush_s: float = FLUSH_SECONDS):
        self.ikey, self.endpoint = parse_connection_string(connection_string)
        self.role, self.instance, self.log = role, instance, log
        self.flush_s = flush_s
        self.lock = threading.Lock()
        self.items: List[dict] = []
        self.counters: Dict[str, int] = {"agent_runs": 0, "orders_sent": 0, "orders_rejected": 0}
        self.context = ssl.create_default_context(cafile=TRUST_STORE if os.path.exists(TRUST_STORE) else None)
        self.stopped = threading.Event()
        self.last_error: Optional[str] = "unsent"  # the first answer is logged, whatever it is
        self.thread = threading.Thread(target=self._run, name="telemetry", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def count(self, name: str, n: int = 1) -> None:
        with self.lock:
            self.counters[name] = self.counters.get(name, 0) + n

    def exception(self, err: BaseException, where: str) -> None:
        item = envelope(self.ikey, "Exception", exception_data(err, where), self.role, self.instance,
                        iso(datetime.datetime.now(datetime.timezone.utc)))
        with self.lock:
            if len(self.items) < 5000:
                self.items.append(item)

    def batch(self) -> List[dict]:
        """The items buffered since the last flush and one measurement per counter (zeros included)."""
        now = iso(datetime.datetime.now(datetime.timezone.utc))
        with self.lock:
            items, counters = self.items, dict(self.counters)
            self.items = []
            self.counters = {k: 0 for k in self.counters}
        runs = counters.pop("agent_runs", 0)
        metrics = [envelope(self.ikey, "Metric", metric_data("agent_runs", runs, runs), self.role, self.instance, now)]
        metrics += [envelope(self.ikey, "Metric", metric_data(k, v), self.role, self.instance, now)
                    for k, v in sorted(counters.items())]
        return items + metrics

    def flush(self) -> None:
        body = gzip.compress(json.dumps(self.batch()).encode())
        request = urllib.request.Request(self.endpoint + "v2/track", data=body, method="POST", headers={
            "Content-Type": "application/json", "Content-Encoding": "gzip"})
        try:
            with urllib.request.urlopen(request, timeout=5, context=self.context) as answer:
                result = json.loads(answer.read() or b"{}")
                error = None if not result.get("errors") else f"partly refused: {result['errors'][:2]}"
        except urllib.error.HTTPError as err:
            error = f"HTTP {err.code}: {err.read()[:300]!r}"
        except (OSError, ValueError) as err:
            error = f"{type(err).__name__}: {err}"
        if error != self.last_error:
            self.log(f"telemetry: {error}" if error else f"telemetry: sending to {self.endpoint}")
            self.last_error = error

    def _run(self) -> None:
        while not self.stopped.wait(self.flush_s):
            self.flush()

    def stop(self) -> None:
        """Stops the thread and sends what is left (at SIGTERM)."""
        self.stopped.set()
        self.flush()
