"""Table tests of the sample agent's decisions (sample-app/rootfs/app/agent/protocol.py), protocol v1.
Run: python3 -m unittest discover -s test/unit/sample-app -p '*_test.py' (protocol.test.ts runs it under jest)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "sample-app", "rootfs", "app", "agent"))
import protocol as p  # noqa: E402

REV = "app--b"


def obs(**kw):
    base = dict(now=100.0, revision=REV, designation=(REV, 7), designation_read_at=99.7, holding=True, epoch=7,
                renewed_at=99.7)
    base.update(kw)
    return p.Observation(**base)


class StopReason(unittest.TestCase):
    def test_table(self):
        cases = [
            ("a fresh holder, designated: goes on", obs(), None),
            ("not holding: nothing to stop", obs(holding=False, designation=("app--a", 8)), None),
            ("SIGTERM", obs(sigterm=True), "SIGTERM"),
            ("a failed renew", obs(renew_failed=True), "a renew of the lease failed"),
            ("last renew 9.9 s old: goes on", obs(renewed_at=90.1), None),
            ("last renew 10 s old (from its send time)", obs(renewed_at=90.0), "renew is 10 s old"),
            ("never renewed", obs(renewed_at=None), "renew is 10 s old"),
            ("designation read 10 s old", obs(designation_read_at=90.0), "designation is 10 s old"),
            ("designation read 9.9 s old: goes on", obs(designation_read_at=90.1), None),
            ("another revision designated", obs(designation=("app--a", 8)), "names app--a epoch 8"),
            ("same revision, another epoch", obs(designation=(REV, 8)), "names app--b epoch 8"),
            ("nobody designated", obs(designation=("", 8)), "names nobody epoch 8"),
            ("ignore hook: another revision designated, goes on",
             obs(designation=("app--a", 8), ignore_designation=True), None),
            ("ignore hook: a stale designation read, goes on", obs(designation_read_at=80.0, ignore_designation=True),
             None),
            ("ignore hook: still stops on a stale renew", obs(renewed_at=80.0, ignore_designation=True), "renew"),
            ("ignore hook: still stops on SIGTERM", obs(sigterm=True, ignore_designation=True), "SIGTERM"),
        ]
        for name, o, want in cases:
            with self.subTest(name):
                got = p.stop_reason(o)
                if want is None:
                    self.assertIsNone(got)
                else:
                    self.assertIsNotNone(got)
                    self.assertIn(want, got)


class Acquire(unittest.TestCase):
    def test_table(self):
        standby = dict(holding=False, epoch=None, renewed_at=None)
        cases = [
            ("designated, fresh read", obs(**standby), True),
            ("already holding", obs(), False),
            ("another revision designated", obs(designation=("app--a", 3), **standby), False),
            ("nobody designated", obs(designation=("", 3), **standby), False),
            ("never read", obs(designation=None, designation_read_at=None, **standby), False),
            ("read 10 s ago", obs(designation_read_at=90.0, **standby), False),
            ("SIGTERM", obs(sigterm=True, **standby), False),
            ("never-acquire hook", obs(never_acquire=True, **standby), False),
            ("no revision name", obs(revision="", designation=("", 1), **standby), False),
        ]
        for name, o, want in cases:
            with self.subTest(name):
                self.assertEqual(p.should_acquire(o), want)


class Orders(unittest.TestCase):
    def test_table(self):
        cases = [
            ("trading, fresh", obs(), "trading", True),
            ("acquired, not yet trading", obs(), "acquired", False),
            ("refused", obs(), "refused", False),
            ("trading but the designation moved", obs(designation=("app--a", 8)), "trading", False),
            ("trading but the renew is 10 s old", obs(renewed_at=90.0), "trading", False),
            ("trading but SIGTERM", obs(sigterm=True), "trading", False),
            ("not holding", obs(holding=False), "trading", False),
        ]
        for name, o, state, want in cases:
            with self.subTest(name):
                self.assertEqual(p.may_send_order(o, state), want)


class Since(unittest.TestCase):
    def test_table(self):
        cases = [
            ("first state", None, None, "acquired", "T2", "T2"),
            ("a new state", "acquired", "T1", "trading", "T2", "T2"),
            ("a repeated state keeps its first since", "refused", "T1", "refused", "T2", "T1"),
        ]
        for name, prev, since, state, now, want in cases:
            with self.subTest(name):
                self.assertEqual(p.next_since(prev, since, state, now), want)

    def test_metadata(self):
        self.assertEqual(p.metadata("r1", REV, 7, "refused", "T", 326),
                         {"holder": "r1", "revision": REV, "epoch": "7", "state": "refused", "since": "T",
                          "code": "326"})
        self.assertNotIn("code", p.metadata("r1", REV, 7, "trading", "T", 326))


class LeaseUrl(unittest.TestCase):
    def test_shapes(self):
        b = p.parse_lease_url("https://alcalgo.blob.core.windows.net/trading/alc-algo-agents")
        self.assertEqual((b.service_url, b.container, b.designation, b.lease),
                         ("https://alcalgo.blob.core.windows.net", "trading", "alc-algo-agents/designation",
                          "alc-algo-agents/lease"))
        b = p.parse_lease_url("https://172.18.0.1:10000/devstoreaccount1/trading/apps/agents/")
        self.assertEqual((b.service_url, b.container, b.prefix),
                         ("https://172.18.0.1:10000/devstoreaccount1", "trading", "apps/agents"))
        b = p.parse_lease_url("https://localhost:10000/devstoreaccount1/trading/a")
        self.assertEqual(b.service_url, "https://localhost:10000/devstoreaccount1")

    def test_refused(self):
        for raw in ("http://a.blob.core.windows.net/trading/x", "https://a.blob.core.windows.net/trading",
                    "https://127.0.0.1:10000/devstoreaccount1/trading", "not a url",
                    "https://a.blob.core.windows.net/Trading_X/x"):
            with self.subTest(raw):
                with self.assertRaises(p.LeaseUrlError) as e:
                    p.parse_lease_url(raw)
                self.assertIn("ALC_TRADING_LEASE", str(e.exception))

    def test_mode(self):
        self.assertEqual(p.mode("https://a.blob.core.windows.net/t/x", 7496), "lease")
        self.assertEqual(p.mode("", 7497), "paper")
        self.assertEqual(p.mode("", 4002), "paper")
        self.assertEqual(p.mode("", 7496), "idle")
        self.assertEqual(p.mode("", 4001), "idle")


class Designation(unittest.TestCase):
    def test_parse(self):
        self.assertEqual(p.parse_designation(b'{"revision":"app--b","epoch":3}'), ("app--b", 3))
        self.assertEqual(p.parse_designation(b'{"revision":"","epoch":0}'), ("", 0))
        for bad in (b'{"revision":"a"}', b'{"revision":1,"epoch":1}', b'{"revision":"a","epoch":true}',
                    b'{"revision":"a","epoch":"1"}'):
            with self.subTest(bad):
                with self.assertRaises(ValueError):
                    p.parse_designation(bad)


if __name__ == "__main__":
    unittest.main()
