"""Small widgets shared by the views: colour maps, the number editor, the transport bar."""
