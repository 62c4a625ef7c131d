const fixtureFirst = 1;
