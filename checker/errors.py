"""The one error the CLI turns into a one-line message and exit status 2."""


class CheckerError(Exception):
    """Bad input, configuration, rule pack or unreachable engine: the message names the file and the problem."""
