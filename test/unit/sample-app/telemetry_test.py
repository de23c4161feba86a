"""Table tests of the sample agent's telemetry (sample-app/rootfs/app/agent/telemetry.py): the connection string,
the track API envelopes, a batch, and one flush to a local HTTP receiver.
Run: python3 -m unittest discover -s test/unit/sample-app -p '*_test.py' (protocol.test.ts runs it under jest)."""
import gzip
import http.server
import json
import os
import sys
import threading
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "sample-app", "rootfs", "app", "agent"))
import protocol as p  # noqa: E402
import telemetry as t  # noqa: E402

IKEY = "11111111-2222-3333-4444-555555555555"


class ConnectionString(unittest.TestCase):
    def test_table(self):
        cases = [
            (f"InstrumentationKey={IKEY};IngestionEndpoint=https://10.0.0.1:7448/;LiveEndpoint=https://x/",
             (IKEY, "https://10.0.0.1:7448/")),
            (f"instrumentationkey={IKEY};ingestionendpoint=https://eastus-8.in.applicationinsights.azure.com",
             (IKEY, "https://eastus-8.in.applicationinsights.azure.com/")),
            (f"InstrumentationKey={IKEY}", (IKEY, t.DEFAULT_ENDPOINT)),
            ("IngestionEndpoint=https://x/", t.ConnectionStringError),
            (f"InstrumentationKey={IKEY};IngestionEndpoint=http://x/", t.ConnectionStringError),
        ]
        for raw, want in cases:
            with self.subTest(raw=raw):
                if isinstance(want, type):
                    self.assertRaises(want, t.parse_connection_string, raw)
                else:
                    self.assertEqual(t.parse_connection_string(raw), want)


class Envelopes(unittest.TestCase):
    def test_envelope_names_type_role_and_instance(self):
        e = t.envelope(IKEY, "Metric", t.metric_data("agent_runs", 3, 3), "app", "app--v1-a", "2026-01-01T00:00:00.000Z")
        self.assertEqual(e["name"], "Microsoft.ApplicationInsights.11111111222233334444555555555555.Metric")
        self.assertEqual(e["tags"]["ai.cloud.role"], "app")
        self.assertEqual(e["tags"]["ai.cloud.roleInstance"], "app--v1-a")
        self.assertEqual(e["data"]["baseType"], "MetricData")
        self.assertEqual(e["data"]["baseData"]["metrics"], [{"name": "agent_runs", "value": 3, "count": 3, "kind": 1}])

    def test_exception_data(self):
        try:
            raise RuntimeError("no price history")
        except RuntimeError as err:
            d = t.exception_data(err, "agent.strategy_step")
        self.assertEqual(d["problemId"], "RuntimeError at agent.strategy_step")
        self.assertEqual(d["exceptions"][0]["typeName"], "RuntimeError")
        self.assertEqual(d["exceptions"][0]["message"], "no price history")
        self.assertIn("Traceback", d["exceptions"][0]["stack"])

    def test_fail_hooks(self):
        for raw, want in [("", set()), ("throw", {"throw"}), ("throw, reject", {"throw", "reject"}),
                          ("REJECT,other", {"reject"}), ("throw+reject", {"throw", "reject"})]:
            with self.subTest(raw=raw):
                self.assertEqual(set(p.fail_hooks(raw)), want)


class Batch(unittest.TestCase):
    def test_counters_become_one_measurement_each_and_reset(self):
        tel = t.Telemetry(f"InstrumentationKey={IKEY};IngestionEndpoint=https://x/", "app", "app--v1-a", lambda m: None)
        for _ in range(4):
            tel.count("agent_runs")
        tel.count("orders_sent", 5)
        tel.count("orders_rejected", 2)
        try:
            raise ValueError("x")
        except ValueError as err:
            tel.exception(err, "loop")
        batch = tel.batch()
        kinds = [e["data"]["baseType"] for e in batch]
        self.assertEqual(kinds, ["ExceptionData", "MetricData", "MetricData", "MetricData"])
        values = {e["data"]["baseData"]["metrics"][0]["name"]: e["data"]["baseData"]["metrics"][0]["value"]
                  for e in batch[1:]}
        self.assertEqual(values, {"agent_runs": 4, "orders_sent": 5, "orders_rejected": 2})
        again = {e["data"]["baseData"]["metrics"][0]["name"]: e["data"]["baseData"]["metrics"][0]["value"]
                 for e in tel.batch()}
        self.assertEqual(again, {"agent_runs": 0, "orders_sent": 0, "orders_rejected": 0})


class Flush(unittest.TestCase):
    def test_posts_gzip_json_to_v2_track(self):
        got = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                got.append((self.path, self.headers["Content-Encoding"], json.loads(gzip.decompress(body))))
                answer = json.dumps({"itemsReceived": 3, "itemsAccepted": 3, "errors": []}).encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        logs = []
        try:
            tel = t.Telemetry(f"InstrumentationKey={IKEY};IngestionEndpoint=https://x/", "app", "r", logs.append)
            tel.endpoint = f"http://127.0.0.1:{server.server_address[1]}/"  # plain HTTP for the test's receiver
            tel.count("agent_runs")
            tel.flush()
        finally:
            server.shutdown()
        self.assertEqual([(path, enc, len(items)) for path, enc, items in got], [("/v2/track", "gzip", 3)])
        self.assertEqual(logs, [f"telemetry: sending to {tel.endpoint}"])


if __name__ == "__main__":
    unittest.main()
