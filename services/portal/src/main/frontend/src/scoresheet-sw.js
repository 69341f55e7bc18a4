// scoresheet-sw
