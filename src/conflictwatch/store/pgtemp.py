"""A throwaway PostgreSQL server from the Debian package, for tests and benchmarks.

``TemporaryPostgres().start()`` runs initdb in a fresh temporary directory, starts the server on
127.0.0.1 (a free port, its unix socket in the same directory, fsync off: nothing here needs to
survive a power cut) and returns itself; ``url()`` gives a ``postgresql+psycopg://`` URL;
``stop()`` stops it and removes the directory. As root, the server runs as the ``postgres``
system user (PostgreSQL refuses to run as root).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from conflictwatch.errors import StoreError


class PostgresUnavailable(StoreError):
    """The PostgreSQL binaries are missing or the server would not start."""


def find_bindir() -> Path:
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
                  if Path(p).parent.name.isdigit() else 0)
    for d in reversed(dirs):
        if (Path(d) / "initdb").exists():
            return Path(d)
    which = shutil.which("initdb")
    if which:
        return Path(which).parent
    raise PostgresUnavailable(
        "no PostgreSQL binaries (looked in /usr/lib/postgresql/*/bin and PATH); "
        "install them with scripts/system-deps.sh (apt-get install postgresql)"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TemporaryPostgres:
    user = "cw"

    def __init__(self) -> None:
        self.bindir = find_bindir()
        self.base = Path(tempfile.mkdtemp(prefix="cw-pg-"))
        self.port = _free_port()
        self.run_as: str | None = None
        if os.geteuid() == 0:
            try:
                pw = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise PostgresUnavailable("running as root and there is no 'postgres' system user") from exc
            os.chown(self.base, pw.pw_uid, pw.pw_gid)
            self.run_as = "postgres"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=self.base)

    def start(self) -> TemporaryPostgres:
        data = self.base / "data"
        r = self._run(str(self.bindir / "initdb"), "-D", str(data), "-U", self.user, "-A", "trust",
                      "-E", "UTF8", "--no-sync", "--locale=C")
        if r.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {r.stderr.strip() or r.stdout.strip()}")
        opts = (f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        r = self._run(str(self.bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(self.base / "log"),
                      "-w", "-t", "60", "start")
        if r.returncode != 0:
            log = (self.base / "log").read_text(errors="replace")[-2000:] if (self.base / "log").exists() else ""
            raise PostgresUnavailable(f"pg_ctl start failed: {r.stderr.strip()} {log}")
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def execute(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE)."""
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={self.user} dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def stop(self) -> None:
        if (self.base / "data" / "postmaster.pid").exists():
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.base / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.base, ignore_errors=True)
