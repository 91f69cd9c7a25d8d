"""The shell: the application, the main window, its actions, menus and docks, file handling and
exports. The only package that knows the main window.
"""
