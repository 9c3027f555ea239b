"""`manage.py bench`: build a newsroom at scale in a throwaway database and time its pages.

database.py makes and drops the database, build.py fills it, measure.py times the pages.
An app of its own above the apps it builds and measures (articles, sources, images,
comments, api); the project package knows nothing of it, nor it of the project package.
"""
