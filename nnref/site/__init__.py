"""Site helpers: the MkDocs hooks and the commands that build and measure the site."""
