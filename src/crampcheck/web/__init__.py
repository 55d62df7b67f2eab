"""Server-rendered web pages: start, interview, result, diary, profile, login.

They work without JavaScript (plain forms, one question per page); the one
small script only fills in the browser's local time for a diary entry.
"""
