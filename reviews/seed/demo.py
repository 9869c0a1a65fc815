"""Placeholder: the demo organisation builder."""


def build_demo(wipe: bool) -> str:
    raise NotImplementedError
