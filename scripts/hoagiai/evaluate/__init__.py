"""Training evaluation: score the filled scores template against the quiz banks and report."""
