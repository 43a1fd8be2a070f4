"""Events the way wire and regional press report Iran's network: militia attacks on U.S. bases,
U.S. retaliation, Houthi attacks on shipping, Israel and Hezbollah, assassinations, the patron-proxy
chain, statements, talks and sanctions; and what is not an event (reporting clauses, conditionals,
aggregates, beneficiaries). Sentences are our own wording in the style of the wires."""

from __future__ import annotations

from datetime import date

import pytest

from proxywatch.extract import extract_text

pytestmark = pytest.mark.model
PUB = date(2024, 2, 5)
ISRAEL = {"israel", "idf", "israeli_government", "generic:isr:mil"}
US = {"united_states", "us_military", "generic:usa:mil"}
Side = str | set[str] | None  # an id, any of several ids, or None for "any actor or none"
Want = tuple[str, Side, Side]


def _matches(want: Want, got: tuple[str, str | None, str | None]) -> bool:
    return all(
        w is None or (g in w if isinstance(w, set) else g == w) for w, g in zip(want, got, strict=True)
    )


def _events(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in extract_text(text, PUB).events if not e.hypothetical]


CODED: list[tuple[str, Want]] = [
    # militia attacks on U.S. forces
    (
        "A drone attack claimed by the Islamic Resistance in Iraq targeted the Ain al-Asad base on Sunday.",
        ("ASSAULT", "islamic_resistance_in_iraq", None),
    ),
    # the clause a reporting verb reports is the news, even when that verb is "told"
    (
        "Kataib Hezbollah fighters fired rockets at a U.S. base in Syria, a U.S. official told Reuters.",
        ("ASSAULT", "kataib_hezbollah", "united_states"),
    ),
    # "came under attack": the one attacked, the attacker unnamed
    (
        "U.S. forces in Iraq and Syria came under attack at least four times on Tuesday.",
        ("ASSAULT", None, US),
    ),
    # U.S. retaliation
    (
        "U.S. warplanes struck Kataib Hezbollah facilities in al-Qaim near the Syrian border.",
        ("ASSAULT", US, "kataib_hezbollah"),
    ),
    (
        "In retaliation, U.S. forces conducted strikes on Kataib Hezbollah command and control facilities.",
        ("ASSAULT", US, "kataib_hezbollah"),
    ),
    # the weapon fired is not the one hit; the side of a weapon shot down is
    (
        "Iran fired more than 300 drones and missiles at Israel overnight in its first direct attack.",
        ("ASSAULT", "iran", ISRAEL),
    ),
    (
        "Houthi rebels shot down a U.S. MQ-9 Reaper drone over Yemen, the group said.",
        ("ASSAULT", "houthis", US),
    ),
    # shipping, Israel and Hezbollah, assassinations
    (
        "The Houthis fired anti-ship ballistic missiles at a Liberian-flagged tanker in the Gulf of Aden.",
        ("ASSAULT", "houthis", None),
    ),
    (
        "Israeli jets struck Hezbollah positions in southern Lebanon overnight.",
        ("ASSAULT", ISRAEL, "hezbollah"),
    ),
    (
        "An Israeli strike killed senior Hamas official Saleh al-Arouri in Beirut on Tuesday.",
        ("ASSAULT", ISRAEL, "saleh_al_arouri"),
    ),
    (
        "Hezbollah fired dozens of rockets at northern Israel on Saturday, the Israeli military said.",
        ("ASSAULT", "hezbollah", ISRAEL),
    ),
    # statements
    ("Washington accused Iran of arming the Houthis.", ("ACCUSE", US, "iran")),
    ("Israel blamed Hezbollah for the rocket strike on Majdal Shams.", ("ACCUSE", ISRAEL, "hezbollah")),
    # a vow in a second clause is a threat of its own
    (
        "Iran blamed Israel for the assassination of Haniyeh and vowed to retaliate.",
        ("THREATEN", "iran", None),
    ),
    ("Harakat al-Nujaba vowed to keep up attacks on U.S. forces.", ("THREATEN", "harakat_al_nujaba", US)),
    # a denial of a role is a rejection about an issue
    ("Kataib Hezbollah denied involvement in the attack.", ("REJECT", "kataib_hezbollah", None)),
    ("Iran denied any role in the attack that killed three U.S. troops.", ("REJECT", "iran", None)),
    # a request whose content is an issue, not an actor
    ("Iran urged its allies in Iraq to avoid escalation.", ("REQUEST", "iran", None)),
    # meetings: a delegation received stands for its side
    ("Hezbollah's leader received a delegation from Hamas in Beirut.", ("CONSULT", "hezbollah", "hamas")),
    # a dateline is no subject: "SANAA, Yemen (AP) —" stands apart from the lead
    (
        "SANAA, Yemen (AP) — Yemen's Houthi rebels attacked a commercial ship in the Red Sea on Friday, "
        "the group's military spokesman said.",
        ("ASSAULT", "houthis", None),
    ),
    # sanctions; "targeting" names what a sanction hits, it is no attack
    (
        "The U.S. imposed new sanctions on Tuesday targeting Houthi financial networks.",
        ("SANCTION", US, "houthis"),
    ),
    (
        "The U.S. Treasury imposed sanctions on a Kataib Hezbollah leader and an airline that aided it.",
        ("SANCTION", "us_treasury", "kataib_hezbollah"),
    ),
]


@pytest.mark.parametrize(("text", "want"), CODED)
def test_wire_sentences_yield_their_event(text: str, want: Want) -> None:
    got = _events(text)
    assert any(_matches(want, g) for g in got), got


CHAIN: list[tuple[str, Want]] = [
    (
        "Qaani met faction leaders in Baghdad and urged them to halt attacks on U.S. forces. "
        "Kataib Hezbollah announced the suspension of its military operations the next day.",
        ("RETREAT", "kataib_hezbollah", "esmail_ghaani"),
    ),
    (
        "Qaani asked the armed factions to stop attacking American troops. "
        "Harakat al-Nujaba vowed to keep up its attacks.",
        ("REJECT", "harakat_al_nujaba", "esmail_ghaani"),
    ),
    # an attack vowed on a named target despite the request is a threat and a refusal
    (
        "Qaani urged the factions to halt attacks on U.S. forces. "
        "Harakat al-Nujaba vowed to keep up attacks on U.S. forces despite the request.",
        ("REJECT", "harakat_al_nujaba", "esmail_ghaani"),
    ),
    (
        "Qaani urged the factions to halt attacks on U.S. forces. "
        "Harakat al-Nujaba vowed to keep up attacks on U.S. forces despite the request.",
        ("THREATEN", "harakat_al_nujaba", US),
    ),
    (
        "Iran urged its allies in Iraq to avoid escalation. Most groups complied with Tehran's request.",
        ("CONCEDE", None, "iran"),
    ),
    # pressing ahead with attacks after the request defies it; it asks nothing of anyone
    (
        "Qaani urged Iraqi factions to halt attacks on U.S. forces. "
        "But Harakat al-Nujaba said it would press ahead with its attacks.",
        ("REJECT", "harakat_al_nujaba", "esmail_ghaani"),
    ),
]


@pytest.mark.parametrize(("text", "want"), CHAIN)
def test_requests_are_answered_in_wire_phrasing(text: str, want: Want) -> None:
    got = _events(text)
    assert any(_matches(want, g) for g in got), got


NOT_EVENTS: list[tuple[str, Want]] = [
    # a conditional attack is the threat around it, not an attack
    (
        "The Houthis warned that any U.S. attack on Yemen would be met with a strong response.",
        ("ASSAULT", None, None),
    ),
    (
        "Any attack on our forces will not go unanswered, Pentagon spokesman Pat Ryder said.",
        ("ASSAULT", None, None),
    ),
    # the beneficiary is not the target
    (
        "The Houthis launched drones and missiles at commercial shipping in support of Hamas.",
        ("ASSAULT", "houthis", "hamas"),
    ),
    (
        "The U.S. imposed new sanctions on Tuesday targeting Houthi financial networks.",
        ("ASSAULT", None, None),
    ),
    # a reporting clause is not a request
    (
        "Kataib Hezbollah spokesman Jaafar al-Husseini told Reuters the group was not consulted.",
        ("REQUEST", None, None),
    ),
    # a purpose is not a threat
    (
        "These strikes are intended to disrupt and degrade the Houthis' ability to attack shipping.",
        ("THREATEN", None, None),
    ),
]


@pytest.mark.parametrize(("text", "absent"), NOT_EVENTS)
def test_wire_non_events_are_not_coded(text: str, absent: Want) -> None:
    got = _events(text)
    assert not any(_matches(absent, g) for g in got), got


def test_a_vow_coded_in_its_own_clause_is_not_coded_twice() -> None:
    text = "Harakat al-Nujaba vowed to keep up attacks on U.S. forces."
    threats = [e for e in extract_text(text, PUB).events if e.type == "THREATEN"]
    assert len(threats) == 1


TALLIES = [
    "Kataib Hezbollah and other groups have carried out more than 160 attacks on U.S. forces since October.",
    "Hezbollah has fired thousands of rockets at Israel since the war began.",
    "Iraqi armed factions have attacked U.S. forces more than 150 times since mid-October.",
]


@pytest.mark.parametrize("text", TALLIES)
def test_a_tally_since_a_date_is_background(text: str) -> None:
    attacks = [e for e in extract_text(text, PUB).events if e.type == "ASSAULT"]
    assert attacks and all(e.historical for e in attacks)


def test_an_attack_of_the_day_told_in_the_perfect_is_news() -> None:
    [attack] = [e for e in extract_text("Kataib Hezbollah has attacked U.S. forces in Syria.", PUB).events]
    assert not attack.historical


RESPONSES: list[tuple[str, Want]] = [
    # a response vowed or told as the future is a threat
    (
        "Biden said the United States would respond to the attack at a time of its choosing.",
        ("THREATEN", US, None),
    ),
    ("Iran vowed to respond to the killing of its generals.", ("THREATEN", "iran", None)),
    # a response told as done is the act it names
    (
        "Israel responded with airstrikes on Hezbollah positions in southern Lebanon.",
        ("ASSAULT", ISRAEL, "hezbollah"),
    ),
    ("The United States responded with strikes on 85 targets in Iraq and Syria.", ("ASSAULT", US, None)),
]


@pytest.mark.parametrize(("text", "want"), RESPONSES)
def test_responses_are_threats_until_done(text: str, want: Want) -> None:
    got = _events(text)
    assert any(_matches(want, g) for g in got), got


def test_a_response_told_as_done_is_not_a_threat() -> None:
    text = "Israel responded with airstrikes on Hezbollah positions in southern Lebanon."
    assert not [g for g in _events(text) if g[0] == "THREATEN"]


def test_a_strike_that_killed_someone_is_one_attack() -> None:
    text = "An Israeli airstrike on Beirut's southern suburbs killed a top Hezbollah commander on Tuesday."
    assert [g for g in _events(text) if g[0] == "ASSAULT"] == [("ASSAULT", "israel", "hezbollah")]


def test_a_condemned_strike_names_who_struck_not_what_it_violated() -> None:
    text = (
        "An Israeli airstrike on Beirut's southern suburbs killed a top Hezbollah commander on Tuesday. "
        "Hezbollah fighters later fired rockets at northern Israel. "
        "Lebanon's prime minister Najib Mikati condemned the strike as a violation of Lebanese sovereignty."
    )
    condemned = [g for g in _events(text) if g[0] == "ACCUSE"]
    assert condemned and all(g[2] in ISRAEL for g in condemned), condemned


PENALTIES: list[tuple[str, Want]] = [
    (
        "Iran's foreign ministry said Israel would pay a heavy price.",
        ("THREATEN", "iran_foreign_ministry", ISRAEL),
    ),
    (
        "Hezbollah warned that Israel will pay dearly for the assassination.",
        ("THREATEN", "hezbollah", ISRAEL),
    ),
]


@pytest.mark.parametrize(("text", "want"), PENALTIES)
def test_a_penalty_foretold_is_a_threat_by_the_speaker(text: str, want: Want) -> None:
    got = _events(text)
    assert any(_matches(want, g) for g in got), got


def test_what_a_speaker_says_had_happened_is_news_not_background() -> None:
    text = "Houthi spokesman Yahya Saree said the group had targeted a British tanker in the Gulf of Aden."
    attacks = [e for e in extract_text(text, PUB).events if e.type == "ASSAULT"]
    assert attacks and not any(e.historical for e in attacks)


def test_further_attacks_vowed_are_a_threat_by_the_one_who_vows() -> None:
    text = "The Houthis vowed further attacks on American warships in the Red Sea."
    threats = [g for g in _events(text) if g[0] == "THREATEN"]
    assert threats and all(g[1] == "houthis" for g in threats), threats


def test_a_headline_of_two_clauses_tells_both() -> None:
    text = "Israel kills senior Hezbollah commander in Beirut strike; group vows response"
    assert ("ASSAULT", "israel", "hezbollah") in _events(text)


def test_an_attack_noun_read_as_the_head_of_its_verb_still_acts() -> None:
    # in this context the parser reads "killed" as a participle of "airstrikes" ("airstrikes
    # killed 67 Palestinians" as if "airstrikes [that were] killed"); with an object it is active
    text = (
        "Hamas said it had shown flexibility but accused Israel of stalling. The group's political bureau "
        "chief Ismail Haniyeh spoke by phone with Iran's foreign minister Hossein Amir-Abdollahian on "
        "Monday, Hamas said.\n\nIsraeli airstrikes on Rafah killed at least 67 Palestinians overnight as "
        "Israeli special forces freed two hostages, Gaza health authorities said.\n"
    )
    assert any(g[:2] == ("ASSAULT", "israel") for g in _events(text))


def test_rejected_sanctions_answer_who_imposed_them() -> None:
    text = (
        "The Treasury Department on Monday imposed sanctions on six leaders of Iran-backed militias in Iraq. "
        "Iraq's foreign ministry said it rejected the sanctions and would discuss them with the ambassador."
    )
    rejections = [g for g in _events(text) if g[0] == "REJECT"]
    assert rejections and all(g[2] == "us_treasury" for g in rejections), rejections


def test_weapons_stand_for_their_side_and_a_repeated_past_is_background() -> None:
    text = "Erbil has been targeted repeatedly by Iranian missiles and drones in recent years."
    attacks = [e for e in extract_text(text, PUB).events if e.type == "ASSAULT"]
    assert {e.source for e in attacks} == {"iran"}
    assert all(e.historical for e in attacks)


def test_pressing_ahead_is_no_request() -> None:
    text = "Qaani urged Iraqi factions to halt attacks. Harakat al-Nujaba pressed ahead with its attacks."
    assert not [g for g in _events(text) if g[0] == "REQUEST" and g[1] == "harakat_al_nujaba"]


MUTUAL: list[tuple[str, set[tuple[str, str]]]] = [
    # the broker of a deal is not a party to it: the two subjects agree with each other
    (
        "Israel and Hezbollah agreed to a U.S.-brokered ceasefire that took effect on Wednesday.",
        {("israel", "hezbollah"), ("hezbollah", "israel")},
    ),
    ("Iran and Russia held talks in Moscow.", {("iran", "russia"), ("russia", "iran")}),
]


@pytest.mark.parametrize(("text", "pairs"), MUTUAL)
def test_conjoined_parties_agree_and_meet_with_each_other(text: str, pairs: set[tuple[str, str]]) -> None:
    got = {(g[1], g[2]) for g in _events(text) if g[0] in ("AGREE", "CONSULT")}
    assert got == pairs


def test_an_event_told_as_the_reason_lends_no_target() -> None:
    text = "An Iraqi court sentenced a man to death over the killing of a U.S. citizen."
    assert not [g for g in _events(text) if g[0] == "SANCTION" and g[2] == "united_states"]


# Development sentences written in the style of the wires (Reuters, AP, AFP, Al-Monitor, Rudaw,
# Times of Israel), our own wording: each with the events it must yield and those it must not.
ISR = {"israel", "idf", "israeli_government"}
USA = {"united_states", "us_military"}
WIRE: list[tuple[str, list[Want], list[Want]]] = [
    (
        "A drone attack claimed by the Islamic Resistance in Iraq targeted the Ain al-Asad air "
        "base in western Iraq on Sunday.",
        [("ASSAULT", "islamic_resistance_in_iraq", None)],
        [],
    ),
    (
        "The Islamic Resistance in Iraq said it launched a drone at the Harir base in the Kurdistan Region.",
        [("ASSAULT", "islamic_resistance_in_iraq", None)],
        [],
    ),
    (
        "Kataib Hezbollah fighters fired rockets at a U.S. base in eastern Syria, a U.S. official"
        " told Reuters.",
        [("ASSAULT", "kataib_hezbollah", None)],
        [("REQUEST", None, None)],
    ),
    (
        "Three U.S. soldiers were killed in a drone attack by Iran-backed militants on a base in "
        "Jordan, the Pentagon said.",
        [("ASSAULT", None, {"generic:usa:mil", "us_military"})],
        [],
    ),
    (
        "Iraqi armed factions have attacked U.S. forces more than 150 times since mid-October.",
        [],
        [],
    ),
    (
        "U.S. forces in Iraq and Syria came under attack at least four times on Tuesday.",
        [("ASSAULT", None, None)],
        [],
    ),
    (
        "U.S. warplanes struck Kataib Hezbollah facilities in al-Qaim near the Syrian border.",
        [("ASSAULT", {"generic:usa:mil", "us_military"}, "kataib_hezbollah")],
        [],
    ),
    (
        "The United States carried out air strikes on three facilities used by Kataib Hezbollah "
        "in Iraq, the Pentagon said.",
        [("ASSAULT", USA, "kataib_hezbollah")],
        [],
    ),
    (
        "A U.S. drone strike in Baghdad killed a senior commander of Harakat al-Nujaba on Thursday.",
        [("ASSAULT", USA, "harakat_al_nujaba")],
        [],
    ),
    (
        "The U.S. military said it had struck more than 85 targets in Iraq and Syria linked to "
        "the Quds Force.",
        [("ASSAULT", "us_military", None)],
        [],
    ),
    (
        "Washington launched retaliatory strikes against Iran-backed groups in Syria late on Friday.",
        [("ASSAULT", USA, None)],
        [],
    ),
    (
        "The Houthis fired anti-ship ballistic missiles at a Liberian-flagged tanker in the Gulf of Aden.",
        [("ASSAULT", "houthis", None)],
        [],
    ),
    (
        "Yemen's Houthi militia said it targeted a British oil tanker in the Red Sea with naval missiles.",
        [("ASSAULT", "houthis", None)],
        [],
    ),
    (
        "Houthi forces seized the Galaxy Leader cargo ship in the southern Red Sea in November.",
        [("COERCE", "houthis", None)],
        [],
    ),
    (
        "The Houthis have attacked ships in the Red Sea in what they say is solidarity with "
        "Palestinians in Gaza.",
        [],
        [("ASSAULT", "houthis", "hamas"), ("ASSAULT", "houthis", "palestine")],
    ),
    (
        "U.S. and British forces struck Houthi targets in Yemen on Monday.",
        [("ASSAULT", USA, "houthis"), ("ASSAULT", "united_kingdom", "houthis")],
        [],
    ),
    (
        "A U.S. destroyer shot down a Houthi anti-ship cruise missile over the Red Sea, CENTCOM said.",
        [("ASSAULT", None, "houthis")],
        [],
    ),
    (
        "The Houthis launched drones and missiles at commercial shipping in support of Hamas.",
        [],
        [("ASSAULT", "houthis", "hamas")],
    ),
    (
        "An Israeli strike killed senior Hamas official Saleh al-Arouri in Beirut on Tuesday.",
        [("ASSAULT", ISR, "saleh_al_arouri")],
        [],
    ),
    (
        "Hezbollah fired dozens of rockets at northern Israel on Saturday, the Israeli military said.",
        [("ASSAULT", "hezbollah", ISR)],
        [],
    ),
    (
        "Israeli jets struck Hezbollah positions in southern Lebanon overnight.",
        [("ASSAULT", {"generic:isr:mil", "idf"}, "hezbollah")],
        [],
    ),
    (
        "Hezbollah said it targeted an Israeli army post near the border with guided missiles.",
        [("ASSAULT", "hezbollah", None)],
        [],
    ),
    (
        "Israel killed a Hezbollah commander in a drone strike on a car in the town of Nabatieh.",
        [("ASSAULT", ISR, "hezbollah")],
        [],
    ),
    (
        "Hezbollah and Israel have exchanged near-daily fire since Oct. 8.",
        [],
        [],
    ),
    (
        "An Israeli airstrike on a building in Damascus killed seven members of the Revolutionary"
        " Guards, including Brigadier General Mohammad Reza Zahedi.",
        [("ASSAULT", ISR, None)],
        [],
    ),
    (
        "Iran fired more than 300 drones and missiles at Israel overnight in its first direct "
        "attack on Israeli territory.",
        [("ASSAULT", "iran", ISR)],
        [],
    ),
    (
        "Hamas gunmen killed about 1,200 people in southern Israel on Oct. 7, according to Israeli tallies.",
        [("ASSAULT", "hamas", None)],
        [],
    ),
    (
        "Quds Force commander Esmail Qaani urged the factions to halt attacks on U.S. troops "
        "during a visit to Baghdad.",
        [("REQUEST", "esmail_ghaani", None)],
        [],
    ),
    (
        "Qaani met commanders of the armed factions at Baghdad airport and asked them to stop "
        "targeting American forces.",
        [("REQUEST", "esmail_ghaani", None)],
        [("ASSAULT", None, None)],
    ),
    (
        "Kataib Hezbollah announced the suspension of its military operations against U.S. forces.",
        [("RETREAT", "kataib_hezbollah", None)],
        [("SANCTION", None, None)],
    ),
    (
        "Kataib Hezbollah said it was suspending military and security operations against "
        "occupation forces to avoid embarrassing the Iraqi government.",
        [("RETREAT", "kataib_hezbollah", None)],
        [("SANCTION", None, None)],
    ),
    (
        "Harakat al-Nujaba vowed to keep up attacks on U.S. forces despite the request.",
        [("THREATEN", "harakat_al_nujaba", None)],
        [],
    ),
    (
        "Most groups complied with Tehran's call for calm, but Nujaba carried out two more attacks.",
        [("CONCEDE", None, "iran")],
        [],
    ),
    (
        "Nujaba rejected calls to halt its operations.",
        [("REJECT", "harakat_al_nujaba", None)],
        [],
    ),
    (
        "Iran's foreign ministry spokesman said Tehran does not direct the groups' decisions.",
        [],
        [("ASSAULT", None, None)],
    ),
    (
        "Qaani pressed the factions to stand down after the Jordan attack, three sources said.",
        [("REQUEST", "esmail_ghaani", None)],
        [],
    ),
    (
        "The groups heeded Soleimani's successor and paused their attacks.",
        [],
        [],
    ),
    (
        "Iran condemned the U.S. strikes as a violation of Iraqi sovereignty.",
        [("ACCUSE", "iran", USA)],
        [],
    ),
    (
        "Washington accused Iran of arming the Houthis.",
        [("ACCUSE", USA, "iran")],
        [],
    ),
    (
        "Iraq's government condemned the attack on Ain al-Asad and said it would pursue the perpetrators.",
        [("ACCUSE", {"generic:irq:gov", "iraq", "government_of_iraq"}, None)],
        [],
    ),
    (
        "Hezbollah leader Hassan Nasrallah warned Israel against launching a wider war in Lebanon.",
        [("THREATEN", "hassan_nasrallah", ISR)],
        [],
    ),
    (
        "Iran denied any role in the attack that killed three U.S. troops.",
        [("REJECT", "iran", None)],
        [],
    ),
    (
        "The Houthis warned that any U.S. attack on Yemen would be met with a strong response.",
        [("THREATEN", "houthis", None)],
        [("ASSAULT", None, None)],
    ),
    (
        "Iran's Supreme Leader Ali Khamenei vowed harsh revenge for the killing of Soleimani.",
        [("THREATEN", "ali_khamenei", None)],
        [],
    ),
    (
        "Biden said the United States would respond to the attack at a time and place of its choosing.",
        [("THREATEN", USA, None)],
        [],
    ),
    (
        "Israel blamed Hezbollah for the rocket strike on Majdal Shams.",
        [("ACCUSE", ISR, "hezbollah")],
        [],
    ),
    (
        "Iraqi Prime Minister Mohammed Shia al-Sudani called for the withdrawal of the U.S.-led coalition.",
        [("REQUEST", "mohammed_shia_al_sudani", None)],
        [],
    ),
    (
        "Iran's foreign minister met Hamas leader Ismail Haniyeh in Doha on Wednesday.",
        [("CONSULT", "hossein_amir_abdollahian", "ismail_haniyeh")],
        [],
    ),
    (
        "Iraqi and U.S. officials held talks in Baghdad on the future of the coalition.",
        [("CONSULT", None, None)],
        [],
    ),
    (
        "Hezbollah's leader received a delegation from Hamas in Beirut.",
        [("CONSULT", None, "hamas")],
        [],
    ),
    (
        "Qatar and Egypt are mediating between Israel and Hamas.",
        [("CONSULT", "qatar", "hamas")],
        [],
    ),
    (
        "Amir-Abdollahian held a phone call with his Iraqi counterpart Fuad Hussein on Monday.",
        [("CONSULT", None, None)],
        [],
    ),
    (
        "The U.S. Treasury imposed sanctions on a Kataib Hezbollah leader and an airline that "
        "helped the group.",
        [("SANCTION", "us_treasury", "kataib_hezbollah")],
        [],
    ),
    (
        "The State Department designated Harakat al-Nujaba as a terrorist organization in 2019.",
        [("SANCTION", None, "harakat_al_nujaba")],
        [],
    ),
    (
        "Washington re-designated the Houthis as a Specially Designated Global Terrorist group.",
        [("SANCTION", USA, "houthis")],
        [],
    ),
    (
        "The European Union sanctioned six Hamas financiers on Friday.",
        [("SANCTION", "european_union", None)],
        [],
    ),
    (
        "Iraqi security forces arrested several suspects over the rocket attack on the embassy.",
        [("COERCE", None, None)],
        [],
    ),
    (
        "Iran supplied the Houthis with drones and missile components, a U.N. panel said.",
        [("AID", "iran", "houthis")],
        [],
    ),
    (
        "Tehran provides funding, weapons and training to Hezbollah, according to U.S. officials.",
        [("AID", "iran", "hezbollah")],
        [],
    ),
    (
        "Since October 2023 the groups have carried out more than 160 attacks on U.S. forces.",
        [],
        [],
    ),
    (
        "Any attack on our forces will not go unanswered, Pentagon spokesman Pat Ryder said.",
        [],
        [("ASSAULT", None, None)],
    ),
    (
        "If the attacks continue, the United States will respond, a senior official said.",
        [],
        [("ASSAULT", None, None)],
    ),
    (
        "Kataib Hezbollah spokesman Jaafar al-Husseini told Reuters the group was not consulted.",
        [],
        [("REQUEST", None, None)],
    ),
    (
        '"We will not stop," a Nujaba spokesman said in a statement.',
        [],
        [],
    ),
    (
        "According to Iraqi officials, the drone was launched from inside Syria.",
        [],
        [],
    ),
    (
        "The Islamic Resistance in Iraq is an umbrella of Iran-aligned armed groups.",
        [],
        [("ASSAULT", None, None)],
    ),
    (
        "Two rockets landed inside the Victory Base Complex near Baghdad airport, causing no "
        "casualties, the Iraqi military said.",
        [],
        [],
    ),
    (
        "The attack, claimed by Kataib Hezbollah, killed three U.S. service members at Tower 22 in Jordan.",
        [("ASSAULT", "kataib_hezbollah", None)],
        [],
    ),
    (
        "Iran-aligned militants launched a one-way attack drone at U.S. and coalition forces at "
        "al-Tanf garrison, U.S. Central Command said in a statement.",
        [("ASSAULT", "generic:backed_irn:uaf", None)],
        [],
    ),
    (
        "In retaliation, U.S. forces conducted strikes on Kataib Hezbollah command and control facilities.",
        [("ASSAULT", {"generic:usa:mil", "us_military"}, "kataib_hezbollah")],
        [],
    ),
    (
        "Defense Secretary Lloyd Austin said the strikes were a response to a series of attacks "
        "against U.S. personnel.",
        [],
        [("ASSAULT", "lloyd_austin", None)],
    ),
    (
        "Israel has stepped up strikes on Hezbollah in southern Lebanon in recent weeks.",
        [("ASSAULT", ISR, "hezbollah")],
        [],
    ),
    (
        "Hezbollah launched a barrage of rockets and drones at northern Israel in response to the"
        " killing of a senior commander.",
        [("ASSAULT", "hezbollah", ISR)],
        [],
    ),
    (
        "The Houthis claimed responsibility for an attack on the Greek-owned bulk carrier Tutor, "
        "which later sank.",
        [("ASSAULT", "houthis", None)],
        [],
    ),
    (
        "The U.S. military said it had destroyed Houthi radar sites and drone storage facilities in Yemen.",
        [("ASSAULT", USA, "houthis")],
        [],
    ),
    (
        "Houthi spokesman Yahya Saree said the group would continue to target Israeli-linked "
        "ships until the aggression on Gaza stops.",
        [("THREATEN", None, None)],
        [("ASSAULT", None, None)],
    ),
    (
        "Israeli forces killed Hamas military chief Mohammed Deif in a strike on Khan Younis, the army said.",
        [("ASSAULT", ISR, None)],
        [],
    ),
    (
        "Hamas political leader Ismail Haniyeh was assassinated in Tehran on July 31.",
        [],
        [],
    ),
    (
        "Iran blamed Israel for the assassination of Haniyeh and vowed to retaliate.",
        [("ACCUSE", "iran", ISR), ("THREATEN", "iran", None)],
        [],
    ),
    (
        "Quds Force commander Esmail Qaani met faction leaders in Baghdad on Jan. 29 and urged "
        "them to halt attacks on U.S. forces. Kataib Hezbollah announced the suspension of its "
        "military operations the next day.",
        [("REQUEST", "esmail_ghaani", None), ("RETREAT", "kataib_hezbollah", "esmail_ghaani")],
        [],
    ),
    (
        "Qaani asked the armed factions to stop attacking American troops. Harakat al-Nujaba "
        "vowed to keep up its attacks.",
        [("REQUEST", "esmail_ghaani", None), ("REJECT", "harakat_al_nujaba", "esmail_ghaani")],
        [],
    ),
    (
        "Iran urged its allies in Iraq to avoid escalation. Most groups complied with Tehran's "
        "request, U.S. officials said.",
        [("REQUEST", "iran", None), ("CONCEDE", None, "iran")],
        [],
    ),
    (
        "Qaani told the groups to lie low. Nujaba refused.",
        [("REQUEST", "esmail_ghaani", None), ("REJECT", "harakat_al_nujaba", "esmail_ghaani")],
        [],
    ),
    (
        "Qaani urged the militias to halt attacks. Kataib Hezbollah stood down, but Nujaba said "
        "it would press on.",
        [("REQUEST", "esmail_ghaani", None), ("RETREAT", "kataib_hezbollah", "esmail_ghaani")],
        [],
    ),
    (
        "Qaani urged the militias to halt attacks on U.S. forces. Since then there have been no "
        "attacks on U.S. forces in Iraq.",
        [("REQUEST", "esmail_ghaani", None)],
        [("ASSAULT", None, None)],
    ),
    (
        "Kataib Hezbollah said it would suspend attacks on U.S. troops to avoid embarrassing the "
        "Iraqi government.",
        [],
        [("ASSAULT", None, None)],
    ),
    (
        "Iran's foreign ministry spokesman Nasser Kanaani condemned the U.S. strikes in Iraq and Syria.",
        [("ACCUSE", None, USA)],
        [],
    ),
    (
        "Hezbollah praised the Houthi attacks on shipping.",
        [("SUPPORT", "hezbollah", "houthis")],
        [],
    ),
    (
        "The United States and Britain warned the Houthis of consequences if attacks continued.",
        [("THREATEN", USA, "houthis")],
        [("ASSAULT", None, None)],
    ),
    (
        "Iraqi Prime Minister Mohammed Shia al-Sudani said the presence of the U.S.-led coalition"
        " was no longer justified.",
        [],
        [],
    ),
    (
        "Israeli Prime Minister Benjamin Netanyahu threatened to turn Beirut into Gaza if "
        "Hezbollah started a war.",
        [("THREATEN", "benjamin_netanyahu", None)],
        [("ASSAULT", None, None)],
    ),
    (
        "Saudi Arabia and Iran agreed to restore diplomatic relations in a deal brokered by China.",
        [("AGREE", "saudi_arabia", "iran")],
        [],
    ),
    (
        "Hamas accepted an Egyptian-Qatari ceasefire proposal, but Israel said it fell short of its demands.",
        [("AGREE", "hamas", None)],
        [],
    ),
    (
        "Iran and the United States held indirect talks in Oman.",
        [("CONSULT", "iran", USA)],
        [],
    ),
    (
        "The Treasury Department sanctioned four Iraqi militia leaders it said were involved in "
        "attacks on U.S. forces.",
        [("SANCTION", "us_treasury", None)],
        [],
    ),
    (
        "The United States offered a reward of up to $10 million for information on Hezbollah financiers.",
        [],
        [],
    ),
    (
        "The militias have launched more than 170 attacks on U.S. forces in Iraq and Syria since "
        "Oct. 17, according to the Pentagon.",
        [],
        [],
    ),
    (
        "An attack on U.S. forces would trigger a swift response, a State Department spokesman said.",
        [],
        [("ASSAULT", None, None)],
    ),
    (
        "The Houthis have said their attacks are in solidarity with the Palestinians.",
        [],
        [("ASSAULT", "houthis", "hamas")],
    ),
    (
        "The Pentagon did not say who carried out the attack.",
        [],
        [],
    ),
    (
        "Hezbollah, which is backed by Iran, is considered the most heavily armed non-state actor"
        " in the world.",
        [],
        [("ASSAULT", None, None)],
    ),
    (
        "Analysts say Tehran may use the militias to pressure Washington.",
        [],
        [("ASSAULT", None, None), ("COERCE", None, None)],
    ),
    (
        "An Israeli strike on a car in southern Lebanon killed two Hezbollah members, security sources said.",
        [("ASSAULT", ISR, "hezbollah")],
        [],
    ),
    (
        "Iran's Revolutionary Guards seized an Israel-linked container ship near the Strait of "
        "Hormuz on Saturday.",
        [("COERCE", "irgc", None)],
        [],
    ),
    (
        "Houthi rebels shot down a U.S. MQ-9 Reaper drone over Yemen, the group said.",
        [("ASSAULT", "houthis", US)],
        [],
    ),
    (
        "Kataib Hezbollah denied involvement in the attack.",
        [("REJECT", "kataib_hezbollah", None)],
        [],
    ),
    (
        "A commander of an Iran-backed militia was killed in a U.S. strike in Baghdad.",
        [("ASSAULT", USA, None)],
        [],
    ),
    (
        "Hezbollah fighters clashed with Israeli troops in the border village of Aita al-Shaab.",
        [("ASSAULT", "hezbollah", {"generic:isr:mil", "idf", "israel"})],
        [],
    ),
    (
        "Israel expanded its ground offensive against Hezbollah in southern Lebanon.",
        [("ASSAULT", ISR, "hezbollah")],
        [],
    ),
    (
        "Israel and Hamas agreed to a ceasefire deal mediated by Qatar, Egypt and the United States.",
        [("AGREE", ISR, "hamas"), ("AGREE", "hamas", ISR)],
        [],
    ),
    (
        "Iranian Foreign Minister Abbas Araqchi traveled to Beirut to meet Hezbollah officials.",
        [("CONSULT", "abbas_araghchi", "hezbollah")],
        [],
    ),
    (
        "Sudani ordered an investigation into the attack on the Ain al-Asad base.",
        [],
        [("ASSAULT", "mohammed_shia_al_sudani", None)],
    ),
    (
        "Washington blamed Kataib Hezbollah, which it designated a terrorist organization in "
        "2009, for the attack.",
        [("ACCUSE", USA, "kataib_hezbollah")],
        [],
    ),
    (
        "The Houthis targeted a vessel they said was linked to Israel.",
        [("ASSAULT", "houthis", None)],
        [("ASSAULT", "houthis", ISR)],
    ),
    (
        "These strikes are intended to disrupt and degrade the Houthis' ability to attack shipping.",
        [],
        [("THREATEN", None, None)],
    ),
    (
        "The U.S. military said the strikes were aimed at deterring further attacks on American forces.",
        [],
        [("THREATEN", None, None), ("ASSAULT", None, None)],
    ),
    (
        "Hezbollah has fired thousands of rockets at Israel since the war began.",
        [],
        [],
    ),
    (
        "Israel carried out a wave of strikes across southern Lebanon on Monday, killing at least 10 people.",
        [("ASSAULT", ISR, None)],
        [],
    ),
    (
        "Iraq summoned the U.S. charge d'affaires to protest the strike.",
        [("ACCUSE", {"generic:irq:gov", "iraq", "government_of_iraq"}, USA)],
        [],
    ),
    (
        "Iran warned the United States not to escalate.",
        [("THREATEN", "iran", USA)],
        [],
    ),
    (
        "Kataib Hezbollah urged Iraq's parliament to expel U.S. forces.",
        [("REQUEST", "kataib_hezbollah", None)],
        [],
    ),
    (
        "The Islamic Resistance in Iraq said it would resume attacks on U.S. forces after the "
        "killing of a commander.",
        [("THREATEN", "islamic_resistance_in_iraq", None)],
        [("ASSAULT", None, None)],
    ),
    (
        "BAGHDAD, Jan 29 (Reuters) - Iran-backed Iraqi armed group Kataib Hezbollah fired rockets"
        " at a U.S. base in western Iraq on Monday, two security officials said.",
        [("ASSAULT", "kataib_hezbollah", None)],
        [],
    ),
    (
        "BEIRUT (AP) — An Israeli drone strike on a car in southern Lebanon killed a Hezbollah "
        "commander on Wednesday, the group said.",
        [("ASSAULT", ISR, "hezbollah")],
        [],
    ),
    (
        "SANAA, Yemen (AP) — Yemen's Houthi rebels attacked a commercial ship in the Red Sea on "
        "Friday, the group's military spokesman said.",
        [("ASSAULT", "houthis", None)],
        [],
    ),
    (
        "The strike came hours after a drone attack on a base housing U.S. troops in Syria.",
        [],
        [],
    ),
    (
        "Seeking to deter further attacks, the United States struck sites used by Iran-backed "
        "militias in eastern Syria.",
        [("ASSAULT", USA, None)],
        [],
    ),
    (
        "Hezbollah, the powerful Iran-backed Lebanese group, said it had attacked an Israeli "
        "military post with an explosive-laden drone.",
        [("ASSAULT", "hezbollah", None)],
        [],
    ),
    (
        "The Israeli military said it had struck a Hezbollah weapons depot in the Bekaa Valley, "
        "in what it described as a response to rocket fire.",
        [("ASSAULT", ISR, "hezbollah")],
        [],
    ),
    (
        '"We will continue our operations until the aggression against Gaza stops," said Yahya '
        "Saree, the Houthi military spokesman.",
        [],
        [("ASSAULT", None, None)],
    ),
    (
        "Israel's military says Hezbollah has fired more than 8,000 rockets since October.",
        [],
        [],
    ),
    (
        "Kataib Hezbollah, which Washington has blamed for the attack, said on Tuesday it was "
        "suspending operations against U.S. forces.",
        [("RETREAT", "kataib_hezbollah", None)],
        [],
    ),
    (
        "Iranian-backed groups have claimed dozens of attacks on U.S. troops in Iraq and Syria "
        "since the war in Gaza began.",
        [],
        [],
    ),
    (
        "Iraq's government, which hosts some 2,500 U.S. troops, condemned both the militia "
        "attacks and the U.S. strikes.",
        [("ACCUSE", {"generic:irq:gov", "iraq", "government_of_iraq"}, None)],
        [],
    ),
    (
        "The Houthis said the attack on the Marlin Luanda was in response to U.S. and British "
        "aggression against Yemen.",
        [],
        [("ASSAULT", "houthis", USA)],
    ),
    (
        "U.S. Central Command said its forces shot down four drones launched from Houthi-"
        "controlled areas of Yemen toward the Red Sea.",
        [],
        [],
    ),
    (
        "An Iranian Revolutionary Guards general was killed in an Israeli air strike on Damascus "
        "on Monday, Iranian state media reported.",
        [("ASSAULT", ISR, None)],
        [],
    ),
    (
        "Hamas on Monday rejected Israel's latest truce proposal.",
        [("REJECT", "hamas", ISR)],
        [],
    ),
    (
        "Hezbollah chief Hassan Nasrallah said his group would respond to the killing of Arouri.",
        [],
        [("ASSAULT", None, None)],
    ),
    (
        "Qatar's prime minister met Hamas leaders in Doha on Sunday to discuss the proposal.",
        [("CONSULT", None, "hamas")],
        [],
    ),
    (
        "The U.S. imposed new sanctions on Tuesday targeting Houthi financial networks.",
        [("SANCTION", USA, None)],
        [],
    ),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), WIRE)
def test_wire_development_sentences(text: str, wanted: list[Want], unwanted: list[Want]) -> None:
    got = _events(text)
    assert all(any(_matches(w, g) for g in got) for w in wanted), got
    assert not any(_matches(u, g) for u in unwanted for g in got), got
