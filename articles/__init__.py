"""Stories: the Article and its parts, the editorial workflow, and the public pages."""
