import json

import pytest

from partnering.planning.__main__ import main
from partnering.planning.optimiser import PlanSettings, Point, RoadModel, compare_plans, great_circle_km
from partnering.planning.optimiser.plans import Learner, Venue
from partnering.planning.optimiser.travel import KM_PER_MILE, OsrmTable

CARDIFF, SWANSEA, LONDON = Point(51.4816, -3.1791), Point(51.6214, -3.9436), Point(51.5074, -0.1278)


def test_great_circle_distance_matches_known_figures():
    # Cardiff to London is about 211 km as the crow flies; a point to itself is 0.
    assert great_circle_km([CARDIFF], [LONDON])[0, 0] == pytest.approx(211, abs=2)
    assert great_circle_km([CARDIFF], [CARDIFF])[0, 0] == 0
    # A degree of latitude is about 111.2 km anywhere.
    assert great_circle_km([Point(10, 20)], [Point(11, 20)])[0, 0] == pytest.approx(111.2, abs=0.1)


def test_the_road_model_scales_distance_and_turns_it_into_minutes():
    travel = RoadModel(road_factor=1.3, speed_kmh=60).travel([CARDIFF], [SWANSEA, CARDIFF])
    straight = great_circle_km([CARDIFF], [SWANSEA])[0, 0]
    assert travel.km[0, 0] == pytest.approx(straight * 1.3)
    assert travel.minutes[0, 0] == pytest.approx(straight * 1.3)  # at 60 km/h a km takes a minute
    assert travel.km[0, 1] == 0 and travel.minutes[0, 1] == 0


@pytest.mark.parametrize("kwargs", [{"road_factor": 0.9}, {"speed_kmh": 0}])
def test_an_impossible_road_model_is_refused(kwargs):
    with pytest.raises(ValueError):
        RoadModel(**kwargs)


@pytest.mark.parametrize("lat, lon", [(91, 0), (-90.5, 0), (0, 181), (float("nan"), 0)])
def test_a_point_off_the_globe_is_refused(lat, lon):
    with pytest.raises(ValueError, match="latitude and longitude"):
        Point(lat, lon)


def test_the_routing_service_provider_reads_an_osrm_table(monkeypatch):
    asked = {}

    class Response:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def read(self):
            return json.dumps({"code": "Ok", "distances": [[12000.0, 0.0]], "durations": [[900.0, 0.0]]}).encode()

    def fake_urlopen(url, timeout):
        asked["url"] = url
        return Response()

    monkeypatch.setattr("urllib.request.urlopen", fake_urlopen)
    travel = OsrmTable("http://osrm.test:5000/").travel([CARDIFF], [SWANSEA, CARDIFF])
    assert travel.km.tolist() == [[12.0, 0.0]] and travel.minutes.tolist() == [[15.0, 0.0]]
    assert asked["url"].startswith("http://osrm.test:5000/table/v1/driving/-3.179100,51.481600;")
    assert "sources=0&destinations=1;2" in asked["url"]


def two_towns():
    learners = [Learner(f"c{i}", CARDIFF, council="cardiff") for i in range(6)] + [
        Learner(f"s{i}", SWANSEA, council="swansea") for i in range(4)]
    venues = [Venue("cardiff-hall", CARDIFF), Venue("swansea-hall", SWANSEA), Venue("london-hall", LONDON)]
    council_venues = {"cardiff": venues[0], "swansea": venues[1]}
    return learners, venues, council_venues


def test_plans_compare_travel_mileage_and_co2():
    learners, venues, council_venues = two_towns()
    settings = PlanSettings(k=2, pence_per_mile=45, co2_kg_per_km=0.2, online_threshold_minutes=60)
    comparison = compare_plans(learners, venues, settings, trainer_base=CARDIFF, council_venues=council_venues)
    assert [plan.key for plan in comparison.plans] == ["optimal", "central", "rotation", "trainer_travels", "online"]
    between = RoadModel().travel([CARDIFF], [SWANSEA]).km[0, 0]
    optimal = comparison.plan("optimal")
    assert sorted(optimal.venues) == ["cardiff-hall", "swansea-hall"] and optimal.learner_km == 0
    assert optimal.trainer_km == pytest.approx(2 * between)  # Cardiff is the trainer's base: only Swansea is a trip
    central = comparison.plan("central")
    assert central.venues == ["cardiff-hall"] and central.learner_km == pytest.approx(4 * 2 * between)
    assert central.mileage_pence == round(central.learner_km / KM_PER_MILE * 45)
    assert central.co2_kg == pytest.approx(central.learner_km * 0.2)
    assert central.learner_hours == pytest.approx(central.learner_km / 50)
    rotation = comparison.plan("rotation")
    assert rotation.learner_km == pytest.approx(10 * between)  # everyone, half the time, makes the round trip
    travels = comparison.plan("trainer_travels")
    assert travels.learner_km == 0 and travels.trainer_km == pytest.approx(2 * between)
    online = comparison.plan("online")
    assert online.learner_km == online.trainer_km == online.mileage_pence == 0
    assert not comparison.online_suggested


def test_online_is_suggested_when_the_median_learner_would_travel_too_long():
    learners = [Learner(f"l{i}", CARDIFF) for i in range(3)]
    comparison = compare_plans(learners, [Venue("london", LONDON)], PlanSettings(k=1, online_threshold_minutes=60))
    assert comparison.plan("central").median_minutes > 60 and comparison.online_suggested


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_the_command_line_chooses_venues_and_prints_json(tmp_path, capsys):
    learners = write(tmp_path / "l.csv", "learner_id,lat,lon,weight\na,51.48,-3.18,2\nb,51.62,-3.94,\nc,51.63,-3.95,1\nd,51.62,-3.94,1\n")
    venues = write(tmp_path / "v.csv", "venue_id,lat,lon,capacity\ncardiff,51.48,-3.18,1\nswansea,51.62,-3.94,5\n")
    assert main(["choose", "--learners", str(learners), "--venues", str(venues), "-k", "1", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["venues"] == ["swansea"] and result["gap"] == 0
    assert set(result) >= {"venues", "total_km", "mean_km", "max_km", "assignments", "gap"}
    assert result["assignments"] == {"a": "swansea", "b": "swansea", "c": "swansea", "d": "swansea"}
    assert result["mean_km"] == pytest.approx(result["total_km"] / 5, abs=0.001)
    # Cardiff holds one: with capacities, the two people at Cardiff cannot both stay there.
    assert main(["choose", "--learners", str(learners), "--venues", str(venues), "-k", "2", "--capacity", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["assignments"]["a"] == "swansea"


@pytest.mark.parametrize("learners, venues, message", [
    ("learner_id,lat\na,51\n", "venue_id,lat,lon\nv,51,-3\n", "l.csv: missing column(s) lon"),
    ("learner_id,lat,lon\na,95,-3\n", "venue_id,lat,lon\nv,51,-3\n", "l.csv, row 2, column lat: 95 is out of range"),
    ("learner_id,lat,lon\na,51,west\n", "venue_id,lat,lon\nv,51,-3\n", "row 2, column lon: 'west' is not a number"),
    ("learner_id,lat,lon\na,51,-3\na,52,-3\n", "venue_id,lat,lon\nv,51,-3\n", "row 3, column learner_id: 'a' appears twice"),
    ("learner_id,lat,lon,weight\na,51,-3,0\n", "venue_id,lat,lon\nv,51,-3\n", "column weight: 0 must be more than 0"),
    ("learner_id,lat,lon\n", "venue_id,lat,lon\nv,51,-3\n", "l.csv: no rows after the header"),
    ("learner_id,lat,lon\na,51,-3\n", "venue_id,lat,lon,capacity\nv,51,-3,-2\n", "v.csv, row 2, column capacity"),
    ("learner_id,lat,lon\na,51,-3\nb,51,-3\n", "venue_id,lat,lon,capacity\nv,51,-3,1\n", "cannot hold 2 learners"),
])
def test_bad_csv_files_are_refused_naming_file_row_and_column(tmp_path, capsys, learners, venues, message):
    l_csv, v_csv = write(tmp_path / "l.csv", learners), write(tmp_path / "v.csv", venues)
    assert main(["choose", "--learners", str(l_csv), "--venues", str(v_csv), "-k", "1", "--capacity", "--json"]) == 2
    assert message in capsys.readouterr().err


def test_a_missing_file_is_named(tmp_path, capsys):
    assert main(["choose", "--learners", str(tmp_path / "nope.csv"), "--venues", str(tmp_path / "v.csv"), "-k", "1"]) == 2
    assert "nope.csv" in capsys.readouterr().err
