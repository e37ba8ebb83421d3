"""Articles written for the feed tests (our own sentences), served as pages."""

FERRY = ("Harbour council approves new ferry terminal", [
    "The harbour council voted on Tuesday to build a new ferry terminal on the north quay.",
    "Mayor Helen Okafor said the terminal would open in June next year.",
    "\"This is a good day for everyone who crosses the bay,\" Okafor said after the vote.",
    "Engineer Rafael Duarte told reporters that construction would begin next month."])
FERRY_EDITED = ("Harbour council approves new ferry terminal after long debate", FERRY[1] + [
    "Opposition councillor Sven Aaltonen said the cost had doubled since the first plan."])
QUOTA = ("Fishermen protest quota cuts at the quayside", [
    "Hundreds of fishermen gathered at the quayside on Monday to protest against new quota cuts.",
    "Union leader Tomas Berg said the cuts would cost hundreds of jobs along the coast.",
    "\"We cannot live on promises,\" Berg said to the crowd.",
    "Fisheries minister Anna Lindqvist declined to comment."])
DOCKS = ("Dock workers end week-long strike", [
    "Dock workers returned to work on Friday after a week-long strike over night shifts.",
    "Shop steward Maria Kowalski said the new rota was a fair compromise for the crews.",
    "Port director Henrik Solberg thanked both sides for settling quickly."])
