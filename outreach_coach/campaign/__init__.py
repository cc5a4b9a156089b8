"""A folder of outreach as one campaign: outcomes, follow-ups due, copies sent to many, and reply rates."""
