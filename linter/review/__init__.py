"""The reviewer's desk: tools that write a reviewed copy of a .docx (comments, redaction).

They edit the package XML in place and copy every other part byte for byte; the input
is never changed and the copy is put in place only once it is whole.
"""
