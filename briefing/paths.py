"""Paths a contributor controls, checked before anything is read or written through them.

Plugin options (``seeds_dir``, ``glossary``, ``geocode_cache``) name files of the project:
they must be relative to ``mkdocs.yml``, non-empty, and resolve (symbolic links followed)
inside the project. ``briefings_dir`` is a folder of the *site*: relative, without ``..``.
Seed files are read only when they are regular files of the project: a committed symbolic
link to ``/etc/passwd`` is refused, not published; a FIFO is refused, not waited on.
Each problem is one line naming the option or the file.
"""

from __future__ import annotations

import os
import posixpath
import stat
from pathlib import Path, PurePosixPath

from .sources import SourceError


class PathError(ValueError):
    """An option naming a path that is empty, absolute or outside the project (one line)."""


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def project_path(root: Path, value: object, option: str, *, file: bool = False) -> Path:
    """``root / value`` when ``value`` is a relative path that stays inside the project.

    ``file``: the path names a file (it may not exist yet), so it must not be a folder.
    """
    where = f"mkdocs.yml: briefing option '{option}'"
    if not isinstance(value, str) or not value.strip():
        raise PathError(f"{where} must name a path inside the project, not {value!r}")
    if os.path.isabs(value):
        raise PathError(f"{where}: {value!r} is absolute; use a path relative to mkdocs.yml")
    path = root / value
    if not _inside(path, root):
        raise PathError(f"{where}: {value!r} leads outside the project ({root})")
    if file and path.is_dir():
        raise PathError(f"{where}: {value!r} is a folder, not a file")
    return path


def site_folder(value: object, option: str) -> str:
    """A folder of the built site (``briefings_dir``), normalised: '' is refused, '.' is the root."""
    where = f"mkdocs.yml: briefing option '{option}'"
    if not isinstance(value, str) or not value.strip():
        raise PathError(f"{where} must name a folder of the site (e.g. briefings, or . for the top)")
    if value.startswith(("/", "\\")) or os.path.isabs(value):
        raise PathError(f"{where}: {value!r} is absolute; use a folder relative to the site")
    if ".." in PurePosixPath(value.replace("\\", "/")).parts:
        raise PathError(f"{where}: {value!r} goes up with '..'; use a folder inside the site")
    return posixpath.normpath(value.replace("\\", "/"))


def read_seed_file(path: Path, root: Path) -> bytes:
    """The bytes of a seed, when it is a readable regular file inside the project."""
    if path.is_symlink():
        if not path.exists():
            raise SourceError(f"{path}: a dangling symbolic link (its target does not exist)")
        if not _inside(path, root):
            raise SourceError(f"{path}: a symbolic link to a file outside the project ({path.resolve()})")
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise SourceError(f"{path}: a directory, not a seed file") from None
    except OSError as e:
        raise SourceError(f"{path}: cannot read ({e.strerror or e})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise SourceError(f"{path}: a directory, not a seed file")
        raise SourceError(f"{path}: not a regular file (a FIFO, socket or device)")
    with os.fdopen(fd, "rb") as f:
        try:
            return f.read()
        except OSError as e:
            raise SourceError(f"{path}: cannot read ({e.strerror or e})") from None


def check_options(root: Path, opts) -> None:
    """Every path option of the plugin (``opts``: its config), as ``mkdocs build`` and
    ``briefing check`` both need them; raises PathError."""
    project_path(root, opts.seeds_dir, "seeds_dir")
    site_folder(opts.briefings_dir, "briefings_dir")
    if opts.glossary is not None:
        project_path(root, opts.glossary, "glossary", file=True)
    if opts.geocode_cache is not None:
        project_path(root, opts.geocode_cache, "geocode_cache", file=True)
