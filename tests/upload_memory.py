"""Refuse SECURITY.md C1's decompression bombs in a fresh process and print how much the
process's peak memory grew, in MB: the refusal must come before any pixel exists.

Run as `python -m tests.upload_memory` by tests/test_images_uploads.py: a fresh process, so
earlier tests' peaks do not hide it.
"""

import os
import resource
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from django.core.exceptions import ValidationError  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402

from images import uploads  # noqa: E402
from tests import image_samples  # noqa: E402


def peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


files = {
    "bomb-100mp.png": image_samples.bomb_png(10_000, 10_000),
    "bomb-196mp.png": image_samples.bomb_png(14_000, 14_000),
    "frames.gif": image_samples.many_frames_gif(10_000, width=100, height=100),
}
before = peak_kb()
for name, content in files.items():
    try:
        uploads.open_image(SimpleUploadedFile(name, content))
    except ValidationError as refusal:
        print(name, refusal.messages[0])
    else:
        sys.exit(f"{name} was accepted")
print((peak_kb() - before) // 1024)
