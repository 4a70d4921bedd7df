"""What ``mkdocs serve`` watches besides docs/: the seeds and Markdown briefings, minus the files
the build itself writes beside them (snapshots), which would otherwise trigger a second build."""

from __future__ import annotations

from pathlib import Path

from .snapshots import SUFFIX


def is_ours(path: str) -> bool:
    """Files the build itself writes beside the sources: snapshots and their temporary files."""
    name = Path(path).name
    return name.endswith(SUFFIX) or (name.startswith(".") and name.endswith(".tmp"))


def watch_sources(server, folder: Path) -> None:
    """Watch ``folder`` like ``server.watch`` does, minus the files the build writes there.

    MkDocs' watcher has no filter, so this schedules its own handler on the
    server's observer and asks for a rebuild the way ``server.watch`` does;
    where the server lacks those parts (another MkDocs), it falls back to
    ``server.watch`` (one extra rebuild per save, nothing worse).
    """
    cond = getattr(server, "_rebuild_cond", None)
    observer = getattr(server, "observer", None)
    if cond is None or observer is None or not hasattr(server, "_want_rebuild"):
        server.watch(str(folder))
        return
    import watchdog.events

    def callback(event) -> None:
        paths = [getattr(event, "src_path", ""), getattr(event, "dest_path", "") or ""]
        if event.is_directory or all(not p or is_ours(str(p)) for p in paths):
            return
        with cond:
            server._want_rebuild = True
            cond.notify_all()

    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = callback
    observer.schedule(handler, str(folder), recursive=True)
