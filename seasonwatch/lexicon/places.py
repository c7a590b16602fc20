"""Places a season is set or filmed in, as outlets write them: continents and regions, countries,
and the cities and islands television travels to.

Only places whose name is nobody's first name and no everyday word: "Jordan", "Georgia",
"Florence", "Victoria", "Nice" or "Reading" would turn a person or a verb into a destination.
"""

from __future__ import annotations

from seasonwatch.lexicon.forms import alternation, fold

PLACES: tuple[str, ...] = (
    # continents and regions
    "Europe", "Asia", "Africa", "South America", "North America", "Latin America", "Scandinavia",
    "the Caribbean", "the Mediterranean", "the Middle East", "Southeast Asia", "the Alps",
    "the Balkans", "the Arctic", "Antarctica", "Oceania", "the Pacific",
    # countries
    "Argentina", "Australia", "Austria", "Belgium", "Brazil", "Canada", "Chile", "China", "Colombia",
    "Croatia", "Cuba", "Denmark", "Egypt", "England", "Finland", "France", "Germany", "Greece",
    "Hungary", "Iceland", "India", "Indonesia", "Ireland", "Italy", "Japan", "Kenya", "Malta",
    "Mexico", "Morocco", "Norway", "Peru", "Poland", "Portugal", "Scotland", "South Africa",
    "South Korea", "Korea", "Spain", "Sweden", "Switzerland", "Thailand", "Turkey", "Vietnam",
    "Wales", "New Zealand", "the Philippines", "the Netherlands", "the UK", "the United Kingdom",
    "the US", "the United States",
    # cities and islands
    "Amsterdam", "Athens", "Bangkok", "Barcelona", "Berlin", "Budapest", "Buenos Aires", "Cairo",
    "Copenhagen", "Dubai", "Dublin", "Edinburgh", "Hong Kong", "Istanbul", "Lisbon", "London",
    "Los Angeles", "Madrid", "Marrakech", "Mexico City", "Milan", "Montreal", "Moscow", "Mumbai",
    "Munich", "Naples", "New Orleans", "New York", "New York City", "Oslo", "Paris", "Prague",
    "Reykjavik", "Rio de Janeiro", "Rome", "Seoul", "Shanghai", "Singapore", "Stockholm",
    "Sydney", "Tokyo", "Toronto", "Vancouver", "Venice", "Vienna", "Chicago", "Miami", "Las Vegas",
    "Hawaii", "Maui", "Sicily", "Sardinia", "Capri", "Bali", "Tuscany", "Provence", "the Riviera",
    "the French Riviera", "the Amalfi Coast", "Ibiza", "Mallorca", "Crete", "Santorini", "Phuket",
    "Koh Samui", "the Maldives", "Tahiti", "Fiji",
)  # fmt: skip

# a regular expression group for any place as written, longest first ("Mexico City" before "Mexico")
PLACE_ALTERNATION: str = alternation(PLACES)
# a place as written in a text, folded, to the form a fact keeps it in ("europe" -> "Europe")
PLACE_BY_FOLD: dict[str, str] = {fold(place): place.removeprefix("the ") for place in PLACES}
PLACE_BY_FOLD.update({fold(place.removeprefix("the ")): place.removeprefix("the ") for place in PLACES})
