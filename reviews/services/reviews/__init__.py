"""Reviews: the framework they rate against, the two assessments, the steps after them, what a review's pages show."""
