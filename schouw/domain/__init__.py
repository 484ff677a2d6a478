"""The rules of a wijkschouw, in plain Python: no SQL, no Qt, no files, no HTTP."""
