"""Staff sign-in: the second factor (django-two-factor-auth on django-otp), who must use it,
the demo logins' exception, and how long an idle staff session lives.

It sits in the bottom layer with `edge` and `staff` and imports no app of the newsroom.
"""
