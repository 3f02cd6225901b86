"""The one exception services raise for something a user asked that cannot be done."""


class Refused(Exception):
    """Something the user asked for that cannot be done, with the form field it concerns ("" for the whole form).
    Views show it as that field's error, or as a message."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.field = field or ""
