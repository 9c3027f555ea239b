"""The newsroom's staff as every app sees them: the Reporters and Editors groups, the
permissions each app grants them from its migrations, and the name a person goes by.

Who may do what with a story is the stories' business (articles.roles); this holds only what
several apps share. It imports no app.
"""
