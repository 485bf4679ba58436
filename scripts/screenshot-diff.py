#!/usr/bin/env python3
"""Compares two folders of browser-test screenshots (artifacts/screenshots) pixel by pixel.

For every PNG in both folders: the size, the number of pixels that differ and the box around them. Reads the images
through ImageMagick (`convert FILE.png ppm:-`), so it needs only python3 and ImageMagick.
Usage: scripts/screenshot-diff.py BEFORE_DIR AFTER_DIR
Exit code 0 when every screenshot is the same, 1 otherwise (the differing ones are listed with their boxes).
"""
import subprocess
import sys
from pathlib import Path


def read_ppm(path):
    data = subprocess.run(["convert", str(path), "ppm:-"], check=True, capture_output=True).stdout
    fields, pos = [], 0
    while len(fields) < 4:  # magic, width, height, maxval; comments start with '#'
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P6":
        raise ValueError(f"{path}: not a binary PPM ({fields[0]!r})")
    width, height, maxval = int(fields[1]), int(fields[2]), int(fields[3])
    depth = 2 if maxval > 255 else 1
    return width, height, data[pos + 1:pos + 1 + width * height * 3 * depth], 3 * depth


def compare(before, after):
    w1, h1, p1, s1 = read_ppm(before)
    w2, h2, p2, s2 = read_ppm(after)
    if (w1, h1) != (w2, h2):
        return f"size {w1}x{h1} -> {w2}x{h2}"
    if p1 == p2:
        return None
    differing, box = 0, [w1, h1, -1, -1]
    row = w1 * s1
    for y in range(h1):
        a, b = p1[y * row:(y + 1) * row], p2[y * row:(y + 1) * row]
        if a == b:
            continue
        for x in range(w1):
            if a[x * s1:(x + 1) * s1] != b[x * s1:(x + 1) * s1]:
                differing += 1
                box = [min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)]
    return f"{differing} pixels differ in x {box[0]}-{box[2]}, y {box[1]}-{box[3]}"


def main():
    before, after = Path(sys.argv[1]), Path(sys.argv[2])
    names = sorted({p.name for p in before.glob("*.png")} | {p.name for p in after.glob("*.png")})
    same = differ = 0
    for name in names:
        a, b = before / name, after / name
        if not a.exists() or not b.exists():
            print(f"{name:40} only in {'after' if b.exists() else 'before'}")
            differ += 1
            continue
        result = compare(a, b)
        if result is None:
            same += 1
            print(f"{name:40} same")
        else:
            differ += 1
            print(f"{name:40} {result}")
    print(f"{same} same, {differ} differ")
    return 0 if differ == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
