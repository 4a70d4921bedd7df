"""Atomic file writes: a reader sees the old file or the new one, never half of either.

Shared by every layer that writes committed files (annotation snapshots, the
geocoder cache): a crash, a ``kill -9`` or a concurrent build must never leave
a truncated file that a later build would trust or a reviewer would commit.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, content: str) -> bool:
    """Replace ``path`` with ``content`` in one rename; False when it already had that content.

    The temporary file is a dotfile ending in ``.tmp`` beside the target, so a
    leftover from a killed writer matches no reader's pattern and the rename
    stays within one file system.
    """
    try:
        if path.read_bytes() == content.encode("utf-8"):
            return False
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; committed files are for everyone
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _umask() -> int:
    """The process's umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
