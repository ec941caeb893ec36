"""Hand-written articles for the story tests: two earthquakes, a fire, paraphrases."""

from __future__ import annotations

from newsprism.model import Article, OffsetMap, content_id

TURKEY_A = (
    "A magnitude 7.8 earthquake struck southern Turkey near Gaziantep early on Monday, "
    "killing more than 1,500 people in Turkey and Syria. Rescuers in Kahramanmaras and Hatay "
    "searched collapsed apartment blocks through the night. President Recep Tayyip Erdogan "
    "declared seven days of national mourning. The quake was followed by a 7.5 aftershock."
)
TURKEY_B = (
    "More than 1,500 people were killed when a 7.8-magnitude quake hit southern Turkey and "
    "northern Syria on Monday, officials said. The tremor, centred near Gaziantep, flattened "
    "buildings in Hatay and Kahramanmaras. Erdogan announced a week of national mourning as "
    "rescuers dug through rubble. A second 7.5 tremor struck hours later."
)
TURKEY_C = (
    "Rescue teams in Hatay and Kahramanmaras pulled survivors from rubble after Monday's "
    "7.8 earthquake near Gaziantep. Erdogan said the death toll in Turkey had passed 1,500, "
    "and Syria reported hundreds more dead. A 7.5 aftershock hit the same region."
)
TAIWAN_A = (
    "A magnitude 7.4 earthquake struck eastern Taiwan near Hualien on Wednesday, killing 9 "
    "people and injuring more than 800. Buildings in Hualien tilted and rockslides blocked "
    "roads near Taroko Gorge. Premier Chen Chien-jen said rescuers were searching for "
    "workers trapped in quarries."
)
TAIWAN_B = (
    "Nine people died and more than 800 were hurt when a 7.4-magnitude quake hit Hualien, "
    "Taiwan, on Wednesday. Rescuers reached quarry workers trapped near Taroko Gorge, "
    "Premier Chen Chien-jen said, as rockslides cut roads across eastern Taiwan."
)
FIRE_A = (
    "Firefighters in Marseille battled a blaze at the Vieux-Port fish market on Sunday. "
    "Mayor Benoit Payan said 40 stalls were destroyed and 3 firefighters were treated for "
    "smoke. The market will stay closed while investigators look for the cause."
)


def article(text: str, published: str | None = None, outlet: str | None = None, path: str = "") -> Article:
    return Article(
        id=content_id(text),
        path=path or f"{content_id(text)[:6]}.txt",
        raw=text,
        text=text,
        offsets=OffsetMap(),
        published=published,
        outlet=outlet,
    )
