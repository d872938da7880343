#!/usr/bin/env python3
# make-alarm-sound.py: synthesises Soothe's own timer sound, data/sounds/soothe-chime.wav.
#
#   build-aux/make-alarm-sound.py [OUTPUT.wav]
#
# Three soft bell-like notes rising (C6, E6, G6), each a sine with a quieter
# octave partial, a quick attack and a long exponential decay, so that the
# sound is gentle but carries across a room. 22,050 Hz, 16-bit mono. Only the
# Python standard library: the file is made the same way on any machine.
#
# Copyright 2026 The Soothe authors
# SPDX-License-Identifier: GPL-3.0-or-later

import math
import os
import struct
import sys
import wave

RATE = 22050
NOTES = (1046.50, 1318.51, 1567.98)  # C6, E6, G6
GAP = 0.32                           # seconds between note onsets
RING = 1.4                           # how long each note rings
PEAK = 0.42                          # of full scale, leaving headroom

length = int(RATE * (GAP * (len(NOTES) - 1) + RING))
samples = [0.0] * length
for n, frequency in enumerate(NOTES):
    start = int(RATE * GAP * n)
    for i in range(int(RATE * RING)):
        t = i / RATE
        attack = min(1.0, t / 0.008)
        decay = math.exp(-t * 3.2)
        tone = math.sin(2 * math.pi * frequency * t) + 0.25 * math.sin(4 * math.pi * frequency * t)
        if start + i < length:
            samples[start + i] += attack * decay * tone

# The last 30 ms fade to silence, so the end never clicks.
fade = int(RATE * 0.03)
for i in range(fade):
    samples[length - fade + i] *= 1 - i / fade

scale = PEAK * 32767 / max(abs(s) for s in samples)
frames = b"".join(struct.pack("<h", int(round(s * scale))) for s in samples)

output = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "data", "sounds", "soothe-chime.wav")
with wave.open(output, "wb") as f:
    f.setnchannels(1)
    f.setsampwidth(2)
    f.setframerate(RATE)
    f.writeframes(frames)
print(f"Wrote {output}: {length / RATE:.2f} s")
