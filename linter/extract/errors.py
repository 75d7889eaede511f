"""The one exception extractors raise for a file they cannot read."""


# Said where a built-in reader refuses a file that LibreOffice may still read (office_convert).
TRY_LIBREOFFICE = "；若 Office 或 WPS 能打开它，可在装有 LibreOffice 时加 --libreoffice 再检查"


class ExtractError(Exception):
    """A file could not be read; the message is one line, shown to the user as is."""


class EncryptedError(ExtractError):
    """A file protected by a password: no reader, LibreOffice included, can read it without it."""

    def __init__(self, message: str = "文件已加密（有密码保护），无法检查 (encrypted)") -> None:
        super().__init__(message)


def unreadable(exc: OSError) -> str:
    """The one-line message for a file the operating system would not let us read."""
    if isinstance(exc, FileNotFoundError):
        return "文件不存在 (file not found)"
    if isinstance(exc, IsADirectoryError):
        return "这是一个文件夹，不是文件 (is a directory)"
    if isinstance(exc, PermissionError):
        return "没有读取权限 (permission denied)"
    return f"无法读取文件 ({exc.strerror or exc})"
