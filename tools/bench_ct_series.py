#!/usr/bin/env python3
"""Writes dcmtk dump files (+ raw 16-bit pixel files) of a synthetic 512x512 CT series for tools/bench-io.sh.

Pure standard library: air, a body ellipse with a liver-like organ, a spine and (in the upper half of the series)
a lung; stored values = HU + 1024 (rescale intercept -1024). Rows are filled by ellipse spans, so it is fast.
"""
import math
import os
import struct
import sys

out, n = sys.argv[1], int(sys.argv[2])
size = 512


def span(y, cx, cy, rx, ry):
    t = 1 - ((y - cy) / ry) ** 2
    if t <= 0:
        return None
    h = rx * math.sqrt(t)
    return max(0, int(math.ceil(cx - h))), min(size, int(math.floor(cx + h)) + 1)


for k in range(n):
    z = k / max(1, n - 1)
    organ = struct.pack("<H", int(60 + 20 * math.sin(z * 6) + 1024))
    layers = [((256, 256, 200, 150), struct.pack("<H", 40 + 1024)),
              ((330, 230, 60, 50), organ),
              ((256, 360, 22, 22), struct.pack("<H", 700 + 1024))]
    if z > 0.5:
        layers.append(((180, 240, 50, 70), struct.pack("<H", -850 + 1024)))
    image = bytearray(struct.pack("<H", 24) * (size * size))
    for y in range(size):
        for (cx, cy, rx, ry), value in layers:
            s = span(y, cx, cy, rx, ry)
            if s:
                a, b = s
                image[2 * (y * size + a):2 * (y * size + b)] = value * (b - a)
    raw = os.path.join(out, "s%04d.raw" % k)
    with open(raw, "wb") as f:
        f.write(image)
    with open(os.path.join(out, "s%04d.dump" % k), "w") as f:
        f.write("\n".join([
            "(0008,0016) UI =CTImageStorage",
            "(0008,0018) UI 1.2.826.0.1.3680043.9.7433.10.%d" % (k + 1),
            "(0008,0060) CS [CT]",
            "(0020,000d) UI 1.2.826.0.1.3680043.9.7433.11",
            "(0020,000e) UI 1.2.826.0.1.3680043.9.7433.12",
            "(0020,0013) IS [%d]" % (k + 1),
            "(0020,0032) DS [-191.5\\-191.5\\%.2f]" % (k * 1.25),
            "(0020,0037) DS [1\\0\\0\\0\\1\\0]",
            "(0028,0002) US 1",
            "(0028,0004) CS [MONOCHROME2]",
            "(0028,0010) US %d" % size,
            "(0028,0011) US %d" % size,
            "(0028,0030) DS [0.75\\0.75]",
            "(0028,0100) US 16",
            "(0028,0101) US 12",
            "(0028,0102) US 11",
            "(0028,0103) US 0",
            "(0028,1052) DS [-1024]",
            "(0028,1053) DS [1]",
            "(7fe0,0010) OW =%s" % os.path.abspath(raw),
        ]) + "\n")
