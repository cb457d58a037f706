#!/usr/bin/env python3
"""Validate YAML files against a JSON Schema with the third-party `jsonschema` package.

Usage: validate-with-jsonschema.py SCHEMA.json FILE.yaml...
Prints one line per file, "ok PATH" or "invalid PATH: reason", and exits 1 if any is invalid.

YAML is read the way editors read it (YAML 1.2 core): only true/false are booleans, and
dates stay strings, so the check matches what a methodologist's editor would report.
"""
import json
import re
import sys

import jsonschema
import yaml


class CoreLoader(yaml.SafeLoader):
    pass


# Drop YAML 1.1 resolvers for booleans (yes/no/on/off) and timestamps.
CoreLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CoreLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def main() -> int:
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    failed = False
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as handle:
            document = yaml.load(handle, Loader=CoreLoader)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        if errors:
            failed = True
            first = errors[0]
            print(f"invalid {path}: {'/'.join(map(str, first.path))}: {first.message}")
        else:
            print(f"ok {path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
