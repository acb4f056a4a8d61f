#!/usr/bin/env python3
"""Validate skuc catalogs and build output against the JSON Schemas in Schemas/.

Catalogs are read the way an editor running yaml-language-server reads them: YAML 1.2 core
typing (`99` is an integer, `0.10` a float, `no`/`yes`/`on` are strings, there are no
timestamps), mapping keys as written. Every problem is printed as

    FILE:LINE:COLUMN: /json/pointer/in/the/document: message

Usage:
    validate_schemas.py catalog [--json] PATH...   catalog files, or trees walked like skuc does
    validate_schemas.py output [--json] DIR        a `skuc build` output directory
    validate_schemas.py json [--json] --schema payload|manifest FILE...   single JSON documents
    validate_schemas.py schemas                    check the schemas against the 2020-12 metaschema

Exit status: 0 all valid, 1 some document is invalid or unreadable, 2 usage error (or a schema
that is not valid JSON Schema).
"""

import argparse
import json
import re
import sys
from pathlib import Path

try:
    import jsonschema
    import yaml
except ImportError as error:  # pragma: no cover - depends on the machine
    print(f"validate_schemas.py: {error}; run `make deps` (pip install jsonschema PyYAML)", file=sys.stderr)
    sys.exit(2)

SCHEMAS = Path(__file__).resolve().parent.parent.parent / "Schemas"
SCHEMA_FILES = {
    "catalog": "catalog.schema.json",
    "payload": "payload.schema.json",
    "manifest": "manifest.schema.json",
}


class DocumentError(Exception):
    """A document that cannot be read at all (I/O, YAML syntax, duplicate key)."""

    def __init__(self, message, line=None, column=None):
        super().__init__(message)
        self.line = line
        self.column = column


# MARK: YAML 1.2 core loading


class Yaml12CoreLoader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's implicit types instead of 1.1's.

    YAML 1.1 reads `no`, `yes`, `on`, `off` as booleans, `010` as octal, `1_000` and `1:30` as
    numbers and `2024-01-01` as a date; YAML 1.2 core (what yaml-language-server uses) reads them
    all as strings except `010`, which is decimal 10. Mapping keys keep their source text, as an
    editor's JSON view of the document does.
    """

    yaml_implicit_resolvers = {}

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            raise DocumentError("expected a mapping", node.start_mark.line + 1, node.start_mark.column + 1)
        mapping = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                mark = key_node.start_mark
                raise DocumentError("mapping keys must be scalars", mark.line + 1, mark.column + 1)
            key = key_node.value
            if key in mapping:
                mark = key_node.start_mark
                raise DocumentError(f"duplicate key '{key}'", mark.line + 1, mark.column + 1)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def _add_resolver(tag, pattern, first):
    Yaml12CoreLoader.add_implicit_resolver(tag, re.compile(pattern, re.X), list(first))


_add_resolver("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""])
_add_resolver("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_add_resolver("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789")
_add_resolver(
    "tag:yaml.org,2002:float",
    r"""^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
    "-+.0123456789",
)


def _construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _construct_float(loader, node):
    text = loader.construct_scalar(node).lower()
    if text.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if text == ".nan":
        return float("nan")
    return float(text)


Yaml12CoreLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
Yaml12CoreLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def load_yaml(path):
    """The document and its root node (for line numbers), read with YAML 1.2 core typing."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DocumentError(f"cannot read: {error}") from error
    loader = Yaml12CoreLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise DocumentError("the file holds no YAML document", 1, 1)
        return loader.construct_document(node), node
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise DocumentError(f"YAML: {error.problem or error}", line, column) from error
    except yaml.YAMLError as error:
        raise DocumentError(f"YAML: {error}") from error
    finally:
        loader.dispose()


def locate(node, path, at_key=False):
    """Line and column of the deepest node along `path` (keys and list indexes); of the last
    key itself with `at_key`, for problems with a key rather than its value."""
    for index, part in enumerate(path):
        if isinstance(node, yaml.MappingNode):
            entry = next(((key, value) for key, value in node.value if key.value == part), None)
            if entry is None:
                break
            node = entry[0] if at_key and index == len(path) - 1 else entry[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
    return node.start_mark.line + 1, node.start_mark.column + 1


# MARK: Schemas and errors


def load_schema(kind):
    path = SCHEMAS / SCHEMA_FILES[kind]
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def validator_for(schema):
    # Format checking stays off: the schemas use patterns, which every editor applies.
    return jsonschema.Draft202012Validator(schema, format_checker=None)


def schema_at(root, schema_path):
    """The schema objects visited along an absolute schema path, following local $refs (which
    jsonschema's schema paths step through without naming them)."""

    def resolve(reference):
        target = root
        for piece in reference.lstrip("#").split("/")[1:]:
            target = target[piece.replace("~1", "/").replace("~0", "~")]
        return target

    visited = [root]
    node = root
    for part in schema_path:
        if part == "$ref" and isinstance(node, dict) and isinstance(node.get("$ref"), str):
            node = resolve(node["$ref"])
            visited.append(node)
            continue
        while isinstance(node, dict) and part not in node and isinstance(node.get("$ref"), str):
            node = resolve(node["$ref"])
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            break
        visited.append(node)
    return visited


def instance_at(document, path):
    for part in path:
        document = document[part]
    return document


def leaf_errors(error):
    """An anyOf/oneOf failure explained by its best-matching branch's errors."""
    if error.context:
        best = jsonschema.exceptions.best_match(error.context)
        if best is not None and best is not error:
            return leaf_errors(best)
    return [error]


def refine(root, document, error):
    """(document path, schema path, message, authored message, whether the key is at fault) for
    one error, pointing at the key that is wrong rather than at the mapping that holds it."""
    path = list(error.absolute_path)
    schema_path = list(error.absolute_schema_path)
    schema = error.schema
    if schema is False and schema_path and schema_path[-1] == "properties":
        # `properties: {key: false}`: jsonschema reports the mapping; name the key, and use the
        # words of the schema that holds `properties`.
        visited = schema_at(root, schema_path)
        container = instance_at(document, path)
        properties = visited[-1] if isinstance(visited[-1], dict) else {}
        for key, subschema in properties.items():
            if subschema is False and isinstance(container, dict) and key in container and container[key] is error.instance:
                owner = visited[-2] if len(visited) > 1 else {}
                authored = owner.get("errorMessage") if isinstance(owner, dict) else None
                return [(path + [key], schema_path + [key], f"'{key}' is not allowed here", authored, True)]
    if error.validator == "additionalProperties" and error.validator_value is False and isinstance(error.instance, dict):
        known = list(schema.get("properties", {}))
        patterns = list(schema.get("patternProperties", {}))
        extras = [key for key in error.instance if key not in known and not any(re.search(p, key) for p in patterns)]
        expected = f" (expected one of: {', '.join(known)})" if known else ""
        return [
            (path + [key], schema_path, f"unknown key '{key}'{expected}", schema.get("errorMessage"), True)
            for key in extras
        ]
    at_key = False
    if "propertyNames" in schema_path and isinstance(error.instance, str):
        container = instance_at(document, path)
        if isinstance(container, dict) and error.instance in container:
            path = path + [error.instance]
            at_key = True
    authored = None
    if isinstance(schema, dict):
        if error.validator == "pattern" and "patternErrorMessage" in schema:
            authored = schema["patternErrorMessage"]
        elif "errorMessage" in schema:
            authored = schema["errorMessage"]
    return [(path, schema_path, error.message, authored, at_key)]


def pointer(path):
    return "/" + "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in path) if path else "/"


def problems(root, document, node=None):
    """Every schema error of `document`, as dicts sorted by position."""
    found = []
    for error in validator_for(root).iter_errors(document):
        for leaf in leaf_errors(error):
            for path, schema_path, message, authored, at_key in refine(root, document, leaf):
                if len(message) > 300:
                    message = message[:300] + "…"
                if authored:
                    message = f"{authored} [{message}]"
                line, column = locate(node, path, at_key) if node is not None else (None, None)
                found.append(
                    {
                        "line": line,
                        "column": column,
                        "path": pointer(path),
                        "message": message,
                        "schemaPath": "#/" + "/".join(str(part) for part in schema_path),
                    }
                )
    unique = {(p["path"], p["message"]): p for p in found}
    return sorted(unique.values(), key=lambda p: (p["line"] or 0, p["column"] or 0, p["path"]))


# MARK: Commands


def catalog_files(paths):
    """Files named on the command line, and catalog files below directories (spec §1 order)."""
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = [
                candidate
                for candidate in path.rglob("*")
                if candidate.suffix in (".yaml", ".yml")
                and candidate.is_file()
                and not any(part.startswith(("_", ".")) for part in candidate.relative_to(path).parts)
            ]
            files += sorted(found, key=lambda candidate: str(candidate).encode())
        else:
            files.append(path)
    return files


def check_catalogs(paths):
    schema = load_schema("catalog")
    results = []
    for path in catalog_files(paths):
        try:
            document, node = load_yaml(path)
            errors = problems(schema, document, node)
        except DocumentError as error:
            errors = [{"line": error.line, "column": error.column, "path": "", "message": str(error), "schemaPath": ""}]
        results.append({"file": str(path), "valid": not errors, "errors": errors})
    return results


def check_json(path, kind, schema):
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
        errors = problems(schema, document)
    except (OSError, ValueError) as error:
        errors = [{"line": None, "column": None, "path": "", "message": f"cannot read JSON: {error}", "schemaPath": ""}]
    return {"file": str(path), "schema": kind, "valid": not errors, "errors": errors}


def check_output(directory):
    """manifest.json against the manifest schema and every other *.json against the payload
    schema; a payload the manifest does not list (or the reverse) is an error too."""
    directory = Path(directory)
    manifest_path = directory / "manifest.json"
    if not manifest_path.is_file():
        raise DocumentError(f"{directory} holds no manifest.json")
    schemas = {"payload": load_schema("payload"), "manifest": load_schema("manifest")}
    results = []
    payloads = set()
    for path in sorted(directory.glob("*.json")):
        kind = "manifest" if path.name == "manifest.json" else "payload"
        if kind == "payload":
            payloads.add(path.name)
        results.append(check_json(path, kind, schemas[kind]))
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    listed = {entry.get("file") for entry in manifest.get("products", []) if isinstance(entry, dict)}
    if listed != payloads:
        results.append(
            {
                "file": str(manifest_path),
                "schema": "manifest",
                "valid": False,
                "errors": [
                    {
                        "line": None,
                        "column": None,
                        "path": "/products",
                        "message": f"the manifest lists {sorted(listed)} but the directory holds {sorted(payloads)}",
                        "schemaPath": "",
                    }
                ],
            }
        )
    return results


def report(results, as_json):
    if as_json:
        json.dump({"files": results}, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for result in results:
            if result["valid"]:
                print(f"{result['file']}: valid")
                continue
            count = len(result["errors"])
            print(f"{result['file']}: {count} problem{'s' if count != 1 else ''}")
            for error in result["errors"]:
                where = result["file"]
                if error["line"] is not None:
                    where += f":{error['line']}:{error['column']}"
                print(f"  {where}: {error['path'] or '(document)'}: {error['message']}")
                if error["schemaPath"]:
                    print(f"      schema: {error['schemaPath']}")
    return 0 if all(result["valid"] for result in results) else 1


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    catalog = commands.add_parser("catalog", help="validate catalog YAML files or trees")
    catalog.add_argument("--json", action="store_true", help="print results as JSON")
    catalog.add_argument("paths", nargs="+")
    output = commands.add_parser("output", help="validate a skuc build output directory")
    output.add_argument("--json", action="store_true", help="print results as JSON")
    output.add_argument("directory")
    documents = commands.add_parser("json", help="validate JSON files against the payload or manifest schema")
    documents.add_argument("--json", action="store_true", help="print results as JSON")
    documents.add_argument("--schema", choices=["payload", "manifest"], required=True)
    documents.add_argument("files", nargs="+")
    commands.add_parser("schemas", help="check the schemas against the JSON Schema metaschema")
    arguments = parser.parse_args(argv)
    try:
        if arguments.command == "schemas":
            for kind, name in SCHEMA_FILES.items():
                load_schema(kind)
                print(f"{SCHEMAS / name}: valid JSON Schema 2020-12")
            return 0
        if arguments.command == "catalog":
            results = check_catalogs(arguments.paths)
            if not results:
                raise DocumentError("no catalog files found")
            return report(results, arguments.json)
        if arguments.command == "json":
            schema = load_schema(arguments.schema)
            return report([check_json(path, arguments.schema, schema) for path in arguments.files], arguments.json)
        return report(check_output(arguments.directory), arguments.json)
    except jsonschema.exceptions.SchemaError as error:
        print(f"validate_schemas.py: a schema is not valid JSON Schema: {error.message}", file=sys.stderr)
        return 2
    except (DocumentError, OSError, ValueError) as error:
        print(f"validate_schemas.py: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
