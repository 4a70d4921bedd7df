"""Screenshots of a built site in Debian's Chromium, at desktop and phone width.

    python3 tools/screenshots.py SITE_DIR OUT_DIR PAGE[=NAME] ... [--phone] [--dark] [--full] [--hover SEL]
                                 [--static] [--element SEL]

Each PAGE is a path inside the built site (``index.html``,
``sections/politics.html``), optionally followed by ``@SELECTOR`` to start
the picture at that element; the picture is ``OUT_DIR/NAME.png`` (NAME
defaults to the path with ``/`` as ``-``). Pages are opened from ``file://``
with every request outside the site refused, as a reader without network
would see them. ``--static`` turns JavaScript off (the static SVG map, as
print, feeds and no-JS readers get it); ``--element`` takes the picture of
one element only (``figure.bf-map``: an article's map). Used for
``docs/screenshots/``; needs the test extras
(Playwright) and ``chromium``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("pages", nargs="+")
    ap.add_argument("--phone", action="store_true", help="390 x 844 at 3x, touch (an iPhone-sized phone)")
    ap.add_argument("--dark", action="store_true", help="prefers-color-scheme: dark")
    ap.add_argument("--full", action="store_true", help="the whole page, not only the first screen")
    ap.add_argument("--hover", metavar="SELECTOR", help="hover (phone: tap) the first element matching this, "
                    "to show its tooltip")
    ap.add_argument("--static", action="store_true", help="JavaScript off: the static SVG map")
    ap.add_argument("--element", metavar="SELECTOR", help="picture of the first element matching this only")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=900)
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    root = args.site.resolve().as_uri()
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        options = {"color_scheme": "dark" if args.dark else "light", "java_script_enabled": not args.static}
        if args.phone:
            options.update(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                           has_touch=True)
        else:
            options.update(viewport={"width": args.width, "height": args.height})
        context = browser.new_context(**options)
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(root) else r.abort())
        page = context.new_page()
        for spec in args.pages:
            spec, _, selector = spec.partition("@")
            path, _, name = spec.partition("=")
            name = name or path.removesuffix(".html").replace("/", "-")
            page.goto(f"{root}/{path}")
            page.wait_for_timeout(300)
            if selector:
                page.locator(selector).first.evaluate("el => el.scrollIntoView()")
                page.wait_for_timeout(200)
            if args.hover:
                hovered = page.locator(args.hover).first
                if args.phone:
                    hovered.tap()
                else:
                    hovered.hover()
                page.wait_for_timeout(300)
            target = args.out / f"{name}.png"
            if args.element:
                element = page.locator(args.element).first
                element.scroll_into_view_if_needed()
                page.wait_for_timeout(300)  # the interactive map refits once it is on screen
                element.screenshot(path=str(target))
            else:
                page.screenshot(path=str(target), full_page=args.full)
            print(target)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
