#!/usr/bin/env python3
"""Writes the inputs of skuc's limit measurements (docs/robustness.md) into DIR (argv[1]).

Each input is a catalog tree (a directory) named after what it probes:
  skus-1e7          one spec whose enum values multiply to exactly 10^7, with
                    limits.max_skus_per_spec raised to 10,000,000
  skus-1e7-plus-1   11 x 909,091 values: one more than the expansion guard allows
  skus-1e8          eight attributes of ten values: far over the guard
  table-500k        an attribute of 500,000 values and a price table listing each of them
  size-under        a valid catalog padded with comment lines to 16 MiB - 1 byte
  size-over         the same, 16 MiB + 1 byte
  scalar-under      a valid catalog whose product name is one 16 MiB - 1 KiB scalar
  lines-100k        a valid catalog of exactly 100,000 lines (11,110 specs)
  files-10k         10,000 product files in 100 directories
  deep-64 / deep-65 nesting at and one past the limit
  brackets-1m       a million '['
Usage: limit_inputs.py DIR [NAME...]
"""
import os
import sys

MIB = 1024 * 1024
HEADER = """skuc: 1
product:
  id: {id}
  type: saas
  name: {{zh-CN: 产品{id}, en-US: Product {id}}}
  currency: CNY
{extra}"""


def product(pid, extra=""):
    return HEADER.format(id=pid, extra=extra)


def small_catalog(pid):
    return product(pid) + """attributes:
  edition:
    type: enum
    name: {zh-CN: 版本类型, en-US: Edition}
    values:
      basic: {zh-CN: 基础版, en-US: Basic}
      pro: {zh-CN: 专业版, en-US: Pro}
specs:
  standard:
    name: {zh-CN: 标准, en-US: Standard}
    billing: period
    periods: [month, year]
    attributes: [edition]
    pricing:
      - add: {by: edition, table: {basic: 10, pro: 20}}
      - when: {period: year}
        multiply: 10
"""


def short_ids(count):
    """Distinct value ids of four characters: a000, a001, ..."""
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    out = []
    for index in range(count):
        text = ""
        value = index
        for _ in range(3):
            text = alphabet[value % 36] + text
            value //= 36
        out.append(alphabet[value % 26] + text)
    return out


def matrix(pid, counts, max_skus, max_values):
    """One spec over enum attributes with the given value counts; one locale so that names
    can be plain strings and the file stays small."""
    text = f"""skuc: 1
product:
  id: {pid}
  type: saas
  name: Product
  currency: CNY
  locales: [en-US]
  limits: {{max_skus_per_spec: {max_skus}, max_enum_values: {max_values}}}
attributes:
"""
    ids = []
    for index, count in enumerate(counts):
        ids.append(f"a{index}")
        values = ", ".join(f"{v}: {v}" for v in short_ids(count))
        text += f"  a{index}:\n    type: enum\n    name: A{index}\n    values: {{{values}}}\n"
    text += f"""specs:
  s:
    name: Spec
    billing: one-time
    attributes: [{", ".join(ids)}]
    pricing:
      - add: 1
"""
    return text


def big_table(pid, count):
    """One attribute of `count` values and a price table that lists every one of them."""
    text = matrix(pid, [count], count, count)
    cells = ", ".join(f"{v}: 1" for v in short_ids(count))
    return text.replace("      - add: 1\n", f"      - add: {{by: a0, table: {{{cells}}}}}\n")


def padded(size):
    text = small_catalog("padded")
    line = "# " + "x" * 97 + "\n"
    need = size - len(text.encode())
    text += line * (need // len(line))
    rest = size - len(text.encode())
    if rest > 0:
        text += "#" + "x" * (rest - 2) + "\n" if rest > 1 else "\n"
    data = text.encode()
    assert len(data) == size, (len(data), size)
    return data


def huge_scalar(size):
    text = small_catalog("scalar")
    line = "  name: {zh-CN: 产品scalar, en-US: Product scalar}\n"
    head, tail = text.split(line, 1)
    frame = head + '  name: {zh-CN: "', '", en-US: Product}\n' + tail
    filler = size - len((frame[0] + frame[1]).encode())
    data = (frame[0] + "n" * filler + frame[1]).encode()
    assert len(data) == size
    return data


def lines_100k():
    text = product("lines") + "attributes: {}\nspecs:\n"
    spec = """  s{index}:
    name: {{zh-CN: 规格{index}, en-US: Spec {index}}}
    billing: one-time
    pricing:
      - add: "{price}"
      # a comment line
      # another
      - when: {{}}
        add: 1
"""
    lines = text.count("\n")
    per_spec = spec.count("\n")
    index = 0
    while lines + per_spec <= 100_000:
        text += spec.format(index=index, price=f"{index % 1000}.{index % 100:02d}")
        lines += per_spec
        index += 1
    text += "# padding\n" * (100_000 - lines)
    assert text.count("\n") == 100_000
    return text.encode()


def deep(levels):
    text = product("deep") + "attributes: {}\nspecs: {}\nx: "
    # The root mapping is level 1, so `levels - 1` brackets reach `levels`.
    return (text + "[" * (levels - 1) + "]" * (levels - 1) + "\n").encode()


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data if isinstance(data, bytes) else data.encode())


def main():
    root = sys.argv[1]
    wanted = set(sys.argv[2:])
    inputs = {
        "skus-1e7": lambda d: write(f"{d}/m.yaml", matrix("m", [10] * 7, 10_000_000, 10)),
        "skus-1e7-plus-1": lambda d: write(
            f"{d}/m.yaml", matrix("m", [11, 909_091], 10_000_000, 1_000_000)),
        "skus-1e8": lambda d: write(f"{d}/m.yaml", matrix("m", [10] * 8, 10_000_000, 10)),
        "table-500k": lambda d: write(f"{d}/t.yaml", big_table("t", 500_000)),
        "size-under": lambda d: write(f"{d}/big.yaml", padded(16 * MIB - 1)),
        "size-over": lambda d: write(f"{d}/big.yaml", padded(16 * MIB + 1)),
        "scalar-under": lambda d: write(f"{d}/big.yaml", huge_scalar(16 * MIB - 1024)),
        "lines-100k": lambda d: write(f"{d}/lines.yaml", lines_100k()),
        "files-10k": lambda d: [
            write(f"{d}/d{n // 100:02d}/p{n:05d}.yaml", small_catalog(f"p{n:05d}"))
            for n in range(10_000)
        ],
        "deep-64": lambda d: write(f"{d}/deep.yaml", deep(64)),
        "deep-65": lambda d: write(f"{d}/deep.yaml", deep(65)),
        "brackets-1m": lambda d: write(f"{d}/b.yaml", b"[" * 1_000_000),
    }
    for name, make in inputs.items():
        if not wanted or name in wanted:
            make(os.path.join(root, name))


if __name__ == "__main__":
    main()
