#!/usr/bin/env python3
"""Reference node trees for the YAML front end's differential test.

Reads file paths, one per line, from stdin; composes each file with PyYAML's pure-Python
SafeLoader (an independent parser: the C loader would be libyaml, the parser skuc itself uses)
and writes one line per path to the output file (argv[1]), in input order:

    {"tree": NODE}      NODE = {"s": text} | {"q": [NODE, ...]} | {"m": [[NODE, NODE], ...]}
    {"empty": true}     the stream holds no document
    {"error": "..."}    PyYAML rejects the file

Only structure and scalar text are kept: tags, styles and implicit types are dropped, since skuc
reads every scalar as text. JSON is written with ensure_ascii so that the Swift side can
produce byte-identical text without a JSON parser of its own.
"""
import json
import sys

import yaml


def tree(node):
    if isinstance(node, yaml.ScalarNode):
        return {"s": node.value}
    if isinstance(node, yaml.SequenceNode):
        return {"q": [tree(item) for item in node.value]}
    return {"m": [[tree(key), tree(value)] for key, value in node.value]}


def compose(path):
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        node = yaml.compose(data, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        return {"error": str(error).replace("\n", " ")}
    except RecursionError:
        return {"error": "recursion limit"}
    if node is None:
        return {"empty": True}
    return {"tree": tree(node)}


def main():
    sys.setrecursionlimit(10000)
    with open(sys.argv[1], "w", encoding="ascii") as out:
        for line in sys.stdin:
            path = line.rstrip("\n")
            if path:
                out.write(json.dumps(compose(path), ensure_ascii=True, separators=(",", ":")))
                out.write("\n")


if __name__ == "__main__":
    main()
