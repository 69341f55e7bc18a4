// ballot
