# SPDX-License-Identifier: GPL-3.0-or-later
"""The text both scripts annotate."""
TEXT = ("Four score and seven years ago our fathers brought forth on this continent, a new "
        "nation, conceived in Liberty, and dedicated to the proposition that all men are "
        "created equal.")
