"""A folder of outreach as one campaign: outcomes, follow-ups due, copies sent to many, and reply rates."""
# The check table imports copy_check, which subclasses checks.base: loading the table first keeps that one way.
from .. import checks  # noqa: F401
