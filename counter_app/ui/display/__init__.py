"""The hall display (叫号屏): the window, the voice calls and the scrolling notice."""
