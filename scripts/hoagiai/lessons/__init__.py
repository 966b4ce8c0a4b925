"""Sample lectures (docs/bai-giang-mau/): front matter validated like config, trainer notes."""
