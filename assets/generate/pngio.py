"""PNG writing with zlib alone, so output bytes depend on nothing but the pixels."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np

_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def _paeth(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    p = a + b - c
    pa, pb, pc = np.abs(p - a), np.abs(p - b), np.abs(p - c)
    return np.where((pa <= pb) & (pa <= pc), a, np.where(pb <= pc, b, c))


def _filtered_rows(pixels: np.ndarray) -> bytes:
    """Pick the PNG filter per row by the usual minimum-sum heuristic (smaller files)."""
    h, w, ch = pixels.shape
    raw = pixels.reshape(h, w * ch).astype(np.int16)
    left = np.zeros_like(raw)
    left[:, ch:] = raw[:, :-ch]
    up = np.zeros_like(raw)
    up[1:] = raw[:-1]
    upleft = np.zeros_like(raw)
    upleft[1:, ch:] = raw[:-1, :-ch]
    candidates = np.stack(
        [
            raw,
            raw - left,
            raw - up,
            raw - ((left + up) >> 1),
            raw - _paeth(left, up, upleft),
        ]
    ).astype(np.uint8)
    signed = candidates.astype(np.int8).astype(np.int16)
    choice = np.abs(signed).sum(axis=2).argmin(axis=0)
    rows = candidates[choice, np.arange(h)]
    out = np.empty((h, w * ch + 1), dtype=np.uint8)
    out[:, 0] = choice
    out[:, 1:] = rows
    return out.tobytes()


def encode_png(pixels: np.ndarray) -> bytes:
    """Encode an (h, w, 3|4) uint8 array as PNG bytes."""
    if pixels.dtype != np.uint8 or pixels.ndim != 3 or pixels.shape[2] not in (3, 4):
        raise ValueError(f"expected (h, w, 3|4) uint8 pixels, got {pixels.shape} {pixels.dtype}")
    h, w, ch = pixels.shape
    colour_type = 6 if ch == 4 else 2
    header = struct.pack(">IIBBBBB", w, h, 8, colour_type, 0, 0, 0)
    data = zlib.compress(_filtered_rows(np.ascontiguousarray(pixels)), 9)
    return _SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")


def to_uint8(image: np.ndarray) -> np.ndarray:
    """Float image in [0, 1] to uint8, rounding the same way every time."""
    return np.clip(np.rint(image * 255.0), 0, 255).astype(np.uint8)


def save_png(path: Path, image: np.ndarray) -> None:
    """Write a float (h, w, 3|4) image in [0, 1] as PNG."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encode_png(to_uint8(image)))
