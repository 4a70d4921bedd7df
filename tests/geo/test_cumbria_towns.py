"""Towns of a covered area typed as places, whole and everywhere in the article (invented
Cumbria-style text): a town cut short by the model, a route read as one organisation, a street
read as a person, a town's name written again where the model missed it."""

from __future__ import annotations

from briefing.geo.toponyms import find_local_places
from briefing.model import Document, Entity, Mention
from briefing.pipeline import annotate_document


def _entities(text: str, coverage: tuple[str, ...] = ("GB",)):
    ann = annotate_document(Document(text=text, date="2025-03-12", date_source="option", coverage=coverage))
    places = {p.entity: p for p in ann.places}
    return ann, places


def _by_name(ann):
    return {e.name: e for e in ann.entities}


def test_a_town_the_model_cut_to_a_surname_is_the_whole_town():
    ann, places = _entities("Kirkby Lonsdale counts the cost\nKirkby Lonsdale was cut off for a day. "
                            "Traders said Kirkby Lonsdale had never seen such rain.")
    names = _by_name(ann)
    assert "Lonsdale" not in names
    town = names["Kirkby Lonsdale"]
    assert town.type == "GPE" and len(town.mentions) == 3
    assert places[town.id].country == "GB"


def test_a_surname_next_to_a_first_name_stays_a_person():
    ann, _ = _entities("Council\nCouncillor Tom Lonsdale said Kendal would get new flood gates.")
    assert _by_name(ann)["Tom Lonsdale"].type == "PERSON"


def test_a_route_read_as_one_organisation_is_split_and_the_town_placed():
    ann, places = _entities("Rail\nServices from Lancaster to Oxenholme were cancelled, and Lancaster "
                            "station closed.")
    names = _by_name(ann)
    assert "Lancaster to Oxenholme" not in names
    lancaster = names["Lancaster"]
    assert lancaster.type == "GPE" and len(lancaster.mentions) == 2
    assert places[lancaster.id].country == "GB"
    assert "Oxenholme" in names  # not in the gazetteer: kept, as the model read it


def test_only_a_route_is_split_never_a_name_with_and():
    def split(text: str, name: str) -> list[str]:
        s = text.index(name)
        mention = Mention(s, s + len(name), name)
        ents = [Entity(id="x", name=name, type="ORG", mentions=[mention], source="model")]
        return [e.name for e in find_local_places(ents, text, coverage=("GB",))]

    assert split("He studied at Washington and Lee in Lexington, Virginia.", "Washington and Lee") == [
        "Washington and Lee"]
    # London is a place after 'in' (a town of the coverage area); the company stays whole
    assert split("Shares in Marks and Spencer rose in London.", "Marks and Spencer") == [
        "Marks and Spencer", "London"]
    assert sorted(split("Buses ran between Penrith and Oxenholme.", "Penrith and Oxenholme")) == [
        "Oxenholme", "Penrith"]


def test_a_street_read_as_a_person_is_a_street():
    ann, _ = _entities("Sandbags\nSandbags were handed out on Warwick Road in Carlisle. Warwick Road was "
                       "closed until noon.")
    road = _by_name(ann)["Warwick Road"]
    assert road.type == "FAC" and len(road.mentions) == 2


def test_every_mention_of_a_town_is_the_town():
    ann, _ = _entities("Delays\nCommuters heading to Carlisle faced delays on Monday as Carlisle got the "
                       "worst of the rain. Carlisle United's match went ahead.")
    carlisle = _by_name(ann)["Carlisle"]
    assert carlisle.type == "GPE"
    starts = [m.start for m in carlisle.mentions]
    text = ann.document.text
    assert starts == [i for i in range(len(text)) if text.startswith("Carlisle", i)][:2]
    assert all(not text.startswith("Carlisle United", s) for s in starts)


def test_lancaster_between_towns_reads_as_a_place():
    ann, places = _entities("Trains\nTrains between Lancaster and Kendal were suspended.")
    lancaster = _by_name(ann)["Lancaster"]
    assert lancaster.type == "GPE" and places[lancaster.id].country == "GB"
