"""Wording: pleonasms and stock phrases, all data (`rules/wording.yaml`: existence and
substitution rules, run by `checker.kinds` like every data-only rule). No coded rule."""
