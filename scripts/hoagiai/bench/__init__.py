"""`hoagiai bench`: speed and size, measured in one run so ratios compare like with like.
Results go to bench/latest.json (committed); `hoagiai bench --readme` writes the README table from it."""
