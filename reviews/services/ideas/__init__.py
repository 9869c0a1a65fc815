"""Ideas: putting one forward, support and comments, moving it on, the lists and the export."""
