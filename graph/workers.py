"""Worker processes for the parts of a build that run in parallel across cores."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def process_pool(workers: int) -> ProcessPoolExecutor:
    """Workers started from a fork server, not forked from the build itself: a worker forked
    from a build that holds the output lock would inherit the lock and keep it after the build
    is killed. (PDFium is not thread-safe, so the workers are processes.)"""
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("forkserver")
    )
