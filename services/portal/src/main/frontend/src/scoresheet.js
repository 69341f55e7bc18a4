// scoresheet
