"""`manage.py bench`: build a newsroom at scale in a throwaway database and time its pages.

database.py makes and drops the database, build.py fills it, measure.py times the pages.
It lives in the project package because it spans every app (articles, sources, comments, api).
"""
