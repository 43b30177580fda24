#!/usr/bin/env python3
"""Merges each language's translation catalog into the one file the client fetches.

locales/<tag>/<namespace>.json become the objects "<namespace>" of <out>/<tag>.json (i18next's
namespaces, one JSON object per language), and locales/<tag>/guidelines/<name>.md the texts
"guidelines_text.<name>". A catalog that is not a JSON object of texts and objects stops the build.
"""
import json
import pathlib
import sys


def check(value, where):
    if isinstance(value, str):
        return
    if not isinstance(value, dict):
        sys.exit(f"{where}: values must be texts or objects")
    for name, inner in value.items():
        check(inner, f"{where}.{name}")


def merge(folder: pathlib.Path) -> dict:
    catalog = {}
    for namespace in sorted(folder.glob("*.json")):
        with namespace.open(encoding="utf-8") as f:
            try:
                content = json.load(f)
            except json.JSONDecodeError as error:
                sys.exit(f"{namespace}: {error}")
        if not isinstance(content, dict):
            sys.exit(f"{namespace}: must hold one JSON object")
        check(content, namespace.stem)
        catalog[namespace.stem] = content
    guidelines = {}
    for text in sorted((folder / "guidelines").glob("*.md")):
        guidelines[text.stem] = text.read_text(encoding="utf-8")
    if guidelines:
        catalog["guidelines_text"] = guidelines
    return catalog


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: build_locales.py LOCALES_DIR OUT_DIR")
    source, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for folder in sorted(p for p in source.iterdir() if p.is_dir()):
        merged = json.dumps(merge(folder), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        target = out / f"{folder.name}.json"
        # Rewritten only when changed, so that what depends on it is not rebuilt for nothing.
        if not target.exists() or target.read_text(encoding="utf-8") != merged:
            target.write_text(merged, encoding="utf-8")


if __name__ == "__main__":
    main()
