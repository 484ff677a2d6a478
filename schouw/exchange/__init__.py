"""Getting data in and out: street files, export packages, MOR sync."""
