"""Draws the app's icons (a white tick on a rounded red square) as RGBA PNGs.

Pure Python (zlib + struct), so it runs anywhere: `python3 src-tauri/icons/make_icons.py`.
"""
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
RED = (200, 16, 46)
GOLD = (255, 205, 0)


def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def coverage(d, half_width):
    return max(0.0, min(1.0, half_width - d + 0.5))


def pixel(x, y, n):
    u, v = (x + 0.5) / n, (y + 0.5) / n
    # Rounded square: signed distance in units of the icon size.
    r = 0.2
    qx, qy = abs(u - 0.5) - (0.5 - r - 0.02), abs(v - 0.5) - (0.5 - r - 0.02)
    outside = math.hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - r
    a = coverage(outside * n, 0)
    if a == 0:
        return (0, 0, 0, 0)
    # A tick, and a small gold star-like dot above it (the hotline's "satisfied").
    tick = min(seg_dist(u, v, 0.26, 0.54, 0.43, 0.71), seg_dist(u, v, 0.43, 0.71, 0.76, 0.34))
    t = coverage(tick * n, 0.065 * n)
    dot = coverage((math.hypot(u - 0.72, v - 0.72) - 0.07) * n, 0)
    rgb = [RED[i] * (1 - t) + 255 * t for i in range(3)]
    rgb = [rgb[i] * (1 - dot) + GOLD[i] * dot for i in range(3)]
    return tuple(int(round(c)) for c in rgb) + (int(round(255 * a)),)


def png(path, n):
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y, n)) for x in range(n)) for y in range(n)
    )

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    with open(os.path.join(HERE, path), "wb") as f:
        f.write(data)


for name, size in [("32x32.png", 32), ("128x128.png", 128), ("128x128@2x.png", 256), ("icon.png", 512)]:
    png(name, size)
