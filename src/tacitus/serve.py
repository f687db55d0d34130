"""`tacitus serve`: the HTTP API and dashboard (see `tacitus.api`), with uvicorn.

    tacitus serve [--db tacitus.db] [--host 127.0.0.1] [--port 8000]

Binds to 127.0.0.1 unless told otherwise. Before exposing it on a network, set TACITUS_API_KEY
(writes then need the header X-API-Key) and put it behind a TLS proxy; TACITUS_MAX_BODY bounds
request bodies (default 5,000,000 bytes).
"""

from __future__ import annotations

import os
from typing import Optional

import typer


def register(app: typer.Typer) -> None:
    """Add the `serve` command to the Tacitus Typer app."""

    @app.command()
    def serve(
        db: Optional[str] = typer.Option(None, "--db", help="Database file (default: $TACITUS_DB, else ./tacitus.db)."),
        host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind; 127.0.0.1 keeps it on this machine."),
        port: int = typer.Option(8000, "--port", min=1, max=65535),
        model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline name (default: $TACITUS_MODEL or the bundled one)."),
    ) -> None:
        """Serve the HTTP API (/v1/..., docs at /docs) and the dashboard (/)."""
        import uvicorn
        from rich.console import Console

        from tacitus.api import create_app
        from tacitus.store import StoreError

        err = Console(stderr=True, highlight=False)
        coder = None
        if model:
            from tacitus.pipeline import Coder

            coder = Coder(model=model)
        try:
            application = create_app(db_path=db, coder=coder)
        except (StoreError, ValueError) as exc:
            err.print(f"[bold red]error:[/] {exc}")
            raise typer.Exit(1) from None
        if host not in ("127.0.0.1", "localhost", "::1") and not os.environ.get("TACITUS_API_KEY"):
            err.print(f"[yellow]warning:[/] serving on {host} without TACITUS_API_KEY: anyone who can reach "
                      "this port can write to the store")
        err.print(f"Tacitus on http://{host}:{port}/  (API docs: /docs)")
        uvicorn.run(application, host=host, port=port, log_level="warning", server_header=False,
                    date_header=False, proxy_headers=False)
