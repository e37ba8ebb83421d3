"""Entity rules for real news the house format never shows: one test per rule, each on
sentences written for these tests."""
from __future__ import annotations


def names(extractor, text):
    return {e.name: e for e in extractor.extract(text).entities}


def test_a_name_never_ends_in_a_particle(extractor):
    ents = names(extractor, "Brussels talks\n\nThe talks were chaired by Ursula von der Leyen on Monday, "
                            "and aides to Osama bin Laden were not mentioned.")
    assert "Ursula von der Leyen" in ents and ents["Ursula von der Leyen"].type == "PERSON"
    assert not any(n.endswith((" der", " von", " al", " bin")) for n in ents)
    assert "Leyen" not in ents


def test_particle_names_are_people(extractor):
    ents = names(extractor, "Recital\n\nLater, Pieter van Vollenhoven spoke to reporters about Nouri al-Maliki "
                            "and his rival.")
    assert ents["Pieter van Vollenhoven"].type == "PERSON"
    assert ents["Nouri al-Maliki"].type == "PERSON"


def test_a_lone_title_is_no_entity(extractor):
    ents = names(extractor, "Trade mission\n\nThe Taoiseach arrived in Boston on Monday. The Premier of Ontario "
                            "and the German Chancellor joined him later that week.")
    assert not {"Taoiseach", "Premier", "Chancellor"} & set(ents)
    assert "Boston" in ents and "Ontario" in ents


def test_a_bare_compass_word_naming_no_place_is_dropped(extractor):
    ents = names(extractor, "Parade day\n\nCrowds in the North and the South cheered as the parade passed "
                            "through Dublin.")
    assert not {"North", "South"} & set(ents)
    assert "Dublin" in ents


def test_a_name_starts_at_its_first_capitalised_word(extractor):
    ents = names(extractor, "Campaign notes\n\nThe pro-Jeb Bush group spent heavily and the last Democratic Party "
                            "convention was calm, organisers said on Sunday.")
    assert "Jeb Bush" in ents and "Democratic Party" in ents
    assert not any(n.startswith(("pro-", "last ")) for n in ents)


def test_web_addresses_are_not_names(extractor):
    ents = names(extractor, "Reading list\n\nRead more from Joseph P. Kahn: http://bit.ly/abc123 and from "
                            "Marta Quill at www.example.com on Friday.")
    assert "Joseph P. Kahn" in ents
    assert not any("http" in n or "www." in n or ".com" in n for n in ents)


def test_a_news_agency_after_a_dateline_is_not_the_places_acronym(extractor):
    ents = names(extractor, "Vote\n\nWASHINGTON (AP) — Senators voted on Tuesday to delay the bill, "
                            "and Cleveland (AFP) reported the same.")
    assert not any("AP" in e.aliases or "AFP" in e.aliases for e in ents.values())


def test_the_house_is_not_the_white_house(extractor):
    ents = names(extractor, "Veto threat\n\nThe House voted on Tuesday. The White House said it would veto "
                            "the bill, and the House may try again.")
    assert "White House" in ents and "House" not in ents["White House"].aliases


def test_two_names_joined_by_and_split_when_either_stands_alone(extractor):
    ents = names(extractor, "Earnings\n\nAlphabet and Facebook reported earnings on Tuesday. Facebook rose "
                            "sharply, and visitors to the National Air and Space Museum cheered.")
    assert "Alphabet and Facebook" not in ents and "Facebook" in ents
    assert "National Air and Space Museum" in ents


def test_a_role_ends_with_its_noun_phrase(extractor):
    ents = names(extractor, "Senate race\n\nTed Cruz, a Texas senator whom even other senators dislike, spoke "
                            "on Monday. Cruz said he would stay.")
    assert ents["Ted Cruz"].role == "Texas senator"


def test_a_speaker_glued_to_the_organisation_before_them_is_a_person(extractor):
    ents = names(extractor, "Clock\n\nExecutive director of the Dallas chapter of the Council on American-Islamic "
                            "Relations Alia Salem said the family was grateful. International Business Machines "
                            "said it would help.")
    assert ents["Alia Salem"].type == "PERSON"
    assert "Council on American-Islamic Relations" in ents
    assert ents["International Business Machines"].type == "ORG"


def test_the_saint_of_a_holiday_is_no_place(extractor):
    ents = names(extractor, "Shamrock\n\nThe delegation visited Boston on Monday to commemorate St. Patrick's Day "
                            "with the mayor, and crowds in New York marked St. Patrick's Day too.")
    assert not any("Patrick" in n and ents[n].type in ("GPE", "LOC", "PERSON") for n in ents)
    assert "Boston" in ents


def test_a_name_with_an_office_in_apposition_is_a_person(extractor):
    ents = names(extractor, "Shamrock\n\nEnda Kenny, the Prime Minister of Ireland, visited Washington on Monday. "
                            "Kenny presented a bowl of shamrocks.")
    assert ents["Enda Kenny"].type == "PERSON"
    assert ents["Enda Kenny"].role == "Prime Minister of Ireland"


def test_an_occupation_or_a_page_word_before_a_name_is_not_the_name():
    from extract.gazetteer import gazetteer
    from extract.entities.mention import Mention
    from extract.entities.mention_rules import refine

    text = "Actress Zara Whitfield accepted the award. Follow Daniel Okafor on Twitter."
    spans = [("Actress Zara Whitfield", "ORG"), ("Follow Daniel Okafor", "PERSON")]
    mentions = [Mention(text.index(t), text.index(t) + len(t), t, label) for t, label in spans]
    kept = {m.text: m.label for m in refine(mentions, text, gazetteer())}
    assert kept == {"Zara Whitfield": "PERSON", "Daniel Okafor": "PERSON"}


def test_a_city_used_as_a_city_is_never_an_alias_of_its_country(extractor):
    ents = names(extractor, "Visit\n\nThe Prime Minister flew from London to Paris. The United Kingdom and France "
                            "signed the pact at a ceremony in Paris. London welcomed the deal.")
    assert "London" in ents and "London" not in ents["United Kingdom"].aliases


def test_decision_making_in_a_capital_is_its_government(extractor):
    ents = names(extractor, "Vetoes\n\nBudapest wants fewer rules, Orbán said. "
                            "It would mean faster decision-making in Budapest.")
    assert "Budapest" in ents["Hungary"].aliases and "Budapest" not in ents


def test_a_name_without_its_middle_initial_is_the_same_person(extractor):
    ents = names(extractor, "Ranch\n\nFormer president George W. Bush opened the library on Friday. George Bush "
                            "said the archive was complete, and Laura Bush thanked the donors.")
    assert "George Bush" in ents["George W. Bush"].aliases and "George Bush" not in ents
    assert "Laura Bush" in ents


def test_a_common_word_opening_a_headline_is_not_a_first_name(extractor):
    ents = names(extractor, "Top Clinton adviser sent secret memo\n\nHillary Clinton's campaign declined to "
                            "comment on Tuesday. Her adviser Jake Sullivan wrote the memo.")
    assert "Top Clinton" not in ents and "Clinton" in ents["Hillary Clinton"].aliases
    ents = names(extractor, "Premiere\n\nActor Will Smith opened the festival. Will Smith thanked the crowd.")
    assert "Will Smith" in ents


def test_an_appositive_that_is_no_office_makes_no_person(extractor):
    ents = names(extractor, "Primary\n\nThe vote moves to Ohio, the state where Senator Ruiz grew up, next week. "
                            "Greenfront Action, founded by activist Tom Weller, will air an ad in Ohio.")
    assert ents["Ohio"].type == "GPE"
    assert all(e.type != "PERSON" for n, e in ents.items() if "Greenfront" in n)


def test_a_pair_cut_short_by_the_tagger_is_not_split():
    from extract.gazetteer import gazetteer
    from extract.entities.mention import Mention
    from extract.entities.mention_rules import split_known_pairs

    text = "Rally and Restore the Vote spent heavily. Restore said it would spend more."
    m = Mention(0, len("Rally and Restore"), "Rally and Restore", "ORG")
    assert [x.text for x in split_known_pairs([m], text, gazetteer())] == ["Rally and Restore"]


def test_the_letters_of_a_versioned_product_name_the_product(extractor):
    ents = names(extractor, "Browsers\n\nMicrosoft urged users to leave IE6 for IE9 this year. IE lost share to "
                            "rivals, while Intel 4004 fans and Intel itself celebrated in Santa Clara.")
    assert "IE" not in ents and "Microsoft" in ents and "Intel" in ents


def test_a_founder_with_a_two_word_name_is_a_person(extractor):
    ents = names(extractor, "Robots\n\nThe BRIGHT challenge was founded by Dean Kamen to encourage interest "
                            "in science. It is now run by Acme Holdings.")
    assert ents["Dean Kamen"].type == "PERSON" and ents["Acme Holdings"].type == "ORG"


def test_a_first_name_that_is_also_a_word_stays_a_first_name(extractor):
    ents = names(extractor, "Campaign\n\nHillary Clinton spoke in Iowa on Monday. Bill Clinton said the crowd "
                            "was large. Dean Amar, a Clinton aide, agreed with Rand Paul's critics.")
    assert ents["Bill Clinton"].type == "PERSON" and "Bill Clinton" not in ents["Hillary Clinton"].aliases



def test_a_handle_after_a_platform_is_not_a_name(extractor):
    # NER sometimes runs a byline's platform and handle into one person; the parse of
    # that line varies, so the rule is checked on the mention NER gave in such a case.
    from extract.gazetteer import gazetteer
    from extract.entities.mention import Mention
    from extract.entities.mention_rules import refine

    text = "Follow Owen Pritchard on Twitter @OwenPritchard."
    start = text.index("Twitter")
    glued = Mention(start, len(text) - 1, text[start:-1], "PERSON")
    assert [(m.text, m.label) for m in refine([glued], text, gazetteer())] == [("Twitter", "ORG")]
    ents = names(extractor, "Debate night\n\nThe moderators pressed both candidates on oil prices, Owen "
                            "Pritchard reported.\n\n" + text)
    assert not any("@" in n for n in ents)


def test_browsers_and_systems_are_products_not_entities(extractor):
    ents = names(extractor, "Browser share\n\nNew figures show Firefox gaining users while Safari and Internet "
                            "Explorer slipped. Offices still on Windows XP were urged to move, since Explorer "
                            "no longer gets fixes, Microsoft said.")
    assert not {"Firefox", "Safari", "Internet Explorer", "Explorer", "Windows XP", "Windows"} & set(ents)
    assert "Microsoft" in ents


def test_online_platforms_are_organisations(extractor):
    ents = names(extractor, "Viral video\n\nThe video spread on Twitter and Reddit within hours. A Reddit "
                            "moderator said the thread had been locked.")
    assert ents["Twitter"].type == "ORG"
    assert ents["Reddit"].type == "ORG"


def test_a_leaders_white_house_is_not_a_person(extractor):
    ents = names(extractor, "Policy memo\n\nA former Obama White House aide said the plan would fail.")
    assert "Obama White House" not in ents
    assert ents["White House"].type != "PERSON"


def test_a_show_named_after_its_host_is_no_person(extractor):
    ents = names(extractor, "Cable news\n\nThe senator appeared on Anderson Cooper 360 on Tuesday night.")
    assert "Anderson Cooper 360" not in ents


def test_a_demonym_before_a_full_name_is_not_part_of_it(extractor):
    ents = names(extractor, "Senate race\n\nKentuckian Rand Paul said the bill was flawed, and Californian "
                            "Kamala Harris disagreed.")
    assert ents["Rand Paul"].type == "PERSON"
    assert ents["Kamala Harris"].type == "PERSON"
    assert not any(n.startswith(("Kentuckian", "Californian")) for n in ents)


def test_an_alliance_with_a_plus_stays_apart_from_the_body_it_extends(extractor):
    ents = names(extractor, "Growers meet\n\nThe Organization of Coffee Growing Nations (OCGN) and partners, "
                            "together known as OCGN+, met in Lima. \"Prices may be paused or reversed,\" OCGN+ said.")
    assert "OCGN+" in ents and ents["OCGN+"].aliases == []
    assert "OCGN+" not in ents["Organization of Coffee Growing Nations"].aliases


def test_an_online_service_opening_a_sentence_is_an_organisation(extractor):
    ents = names(extractor, "Court challenge\n\nRegulators published new rules for platforms on Monday. "
                            "Reddit has filed a challenge in the Federal Court against them.")
    assert ents["Reddit"].type == "ORG"


def test_a_capitalised_word_describing_something_is_no_name(extractor):
    ents = names(extractor, "Council vote\n\nCritics said the proposal was Bold, while supporters called it Fair. "
                            "Mayor Tom Brenner said the vote would be close.")
    assert not {"Bold", "Fair"} & set(ents)
    assert ents["Tom Brenner"].type == "PERSON"


def test_the_title_of_a_work_is_no_person_or_organisation(extractor):
    ents = names(extractor, "Festival news\n\nThe documentary Frozen Rivers premiered on Friday in Toronto, and "
                            "the novel The Quiet Border was praised by critics. Frozen Rivers sold out twice.")
    assert not {"Frozen Rivers", "Border", "Quiet Border", "The Quiet Border"} & set(ents)
    assert "Toronto" in ents


def test_a_laws_nickname_and_a_plural_kind_of_people_are_no_entities(extractor):
    ents = names(extractor, "Health debate\n\nVoters in Ohio said they opposed Obamacare, and Senator Dana Whitlock "
                            "promised to repeal Obamacare. Several Politicos attended the rally.")
    assert not {"Obamacare", "Politicos"} & set(ents)
    assert "Dana Whitlock" in ents and "Ohio" in ents


def test_an_english_adjective_opening_a_sentence_is_no_name(extractor):
    ents = names(extractor, "Inquiry update\n\nInvestigators met in Leeds on Monday. Spanish officials said the "
                            "files were copied. Accurate or not, the report was shared by Councillor Joan Pryce.")
    assert "Accurate" not in ents and ents["Spanish"].type == "NORP"
    assert "Joan Pryce" in ents and "Leeds" in ents


def test_the_platform_x_is_an_organisation_only_where_the_text_says_so(extractor):
    ents = names(extractor, "Platform fined\n\nRegulators fined the social media platform X on Friday, and its owner "
                            "Dara Quinlan replied on X within hours. An X-ray of the plan showed X number of gaps.")
    assert ents["X"].type == "ORG" and ents["X"].mentions == 2


def test_a_list_or_a_trailing_word_is_cut_from_a_name(extractor):
    ents = names(extractor, "Campaign trail\n\nDonors backed Governor Phil Marchetti and Senator Lena Ostrowski. "
                            "Analysts at Harwick, Dunmore Partners said the race was close. The ruling in "
                            "Garner v. Ohio was cited by John Burns Real Estate Consulting.")
    assert not any("," in n or " v. " in n for n in ents), set(ents)
    assert ents["John Burns Real Estate Consulting"].type == "ORG"


def test_news_agencies_and_outlets_are_organisations(extractor):
    ents = names(extractor, "Border talks\n\nAccording to Interfax, the envoy left early. Yonhap said talks would "
                            "resume, and Gawker posted the video.")
    assert {ents[n].type for n in ("Interfax", "Yonhap", "Gawker")} == {"ORG"}


def test_a_town_after_a_bodys_name_and_before_its_state_is_a_place(extractor):
    ents = names(extractor, "Shuttle homes\n\nThe trainer went to the Cascade Rail & Steam Museum of Dunmore, Oregon, "
                            "while the University of Portland, Oregon, received a model.")
    assert ents["Dunmore"].type == "GPE" and "Cascade Rail & Steam Museum" in ents
    assert "University of Portland" in ents and "Portland" not in ents


def test_a_quoted_name_after_the_kind_of_site_it_is_is_an_organisation(extractor):
    ents = names(extractor, "Leak posted\n\nThe files appeared on the website \"Quarry Forum\" on Tuesday and were "
                            "discussed on the blog \"Night Owls\" in Leeds.")
    assert ents["Quarry Forum"].type == "ORG" and ents["Night Owls"].type == "ORG"


def test_ideas_products_with_their_makers_and_crude_benchmarks_are_no_organisations(extractor):
    ents = names(extractor, "Markets wrap\n\nProtesters in Lyon marched against Islamophobia and Communism. "
                            "Opera Mini, its rival, lost users to Mozilla Firefox, and Brent crude rose 1% as "
                            "traders bet Brent would stay high.")
    assert not {"Islamophobia", "Communism", "Mozilla Firefox", "Brent"} & set(ents)
    assert "Lyon" in ents


def test_a_relative_with_another_first_name_is_another_person(extractor):
    brief = extractor.extract("Fashion line\n\nDonald Trump spoke on Tuesday. Ivanka Trump later told reporters "
                              "that the brand was thriving. \"We are growing,\" Ivanka Trump said.")
    ents = {e.name: e for e in brief.entities}
    assert "Ivanka Trump" in ents and ents["Ivanka Trump"].type == "PERSON"
    assert "Ivanka Trump" not in ents["Donald Trump"].aliases
    assert {s.speaker for s in brief.statements if s.kind == "direct"} == {"Ivanka Trump"}


def test_names_with_a_curly_apostrophe_are_people(extractor):
    ents = names(extractor, "Campus talk\n\nConservative author Dinesh D’Souza spoke at the college on Friday. "
                            "D’Souza said the film would open soon.")
    person = next(e for n, e in ents.items() if n.startswith("Dinesh D"))
    assert person.type == "PERSON" and person.name.endswith("Souza")


def test_lawmakers_sharing_a_party_tag_stay_apart(extractor):
    ents = names(extractor, "House meeting\n\nRep. Gregory Meeks (D-N.Y.) said the talks went well. "
                            "Rep. Steve Israel (D-N.Y) said he agreed. Rep. Joe Crowley (D-N.Y.) laughed.")
    for name in ("Gregory Meeks", "Steve Israel", "Joe Crowley"):
        assert ents[name].type == "PERSON"
        assert ents[name].aliases == []


def test_the_town_of_a_dateline_is_no_person(extractor):
    ents = names(extractor, "Court ruling\n\nJACKSON, Miss. - A federal judge blocked the state law on Thursday. "
                            "District Judge Carlton W. Reeves wrote that the state had gone too far. In the same "
                            "Jackson courthouse, another judge waited.")
    assert ents["Jackson"].type == "GPE"
    assert ents["Carlton W. Reeves"].type == "PERSON"


def test_an_adverb_opening_a_quote_is_not_a_first_name(extractor):
    ents = names(extractor, "Race\n\nPollsters were divided on the outcome of the race. “Certainly Donald Trump has "
                            "gone further than any candidate in memory,” said the analyst.")
    assert "Donald Trump" in ents and ents["Donald Trump"].type == "PERSON"
    assert not any(n.startswith("Certainly") for n in ents)


def test_a_person_glued_to_the_body_they_speak_for_is_split(extractor):
    # NER sometimes tags the whole "NAME of BODY" run as one organisation; the rule splits it.
    from extract.entities.mention import Mention
    from extract.entities.mention_rules import refine
    from extract.gazetteer import gazetteer

    text = "“The count was a sham,” said Meera Kapoor of Transparency International, who watched the vote."
    start = text.index("Meera")
    end = text.index(", who")
    glued = Mention(start, end, text[start:end], "ORG", ner_label="ORG")
    kept = {(m.text, m.label) for m in refine([glued], text, gazetteer(), None, extractor.common_words)}
    assert kept == {("Meera Kapoor", "PERSON"), ("Transparency International", "ORG")}


def test_a_place_a_school_is_named_after_is_no_person(extractor):
    ents = names(extractor, "School safety\n\nParents gathered near Sandy Hook Elementary School on Friday. \"I did "
                            "not work on guns until Sandy Hook,\" said Senator Chris Murphy.")
    assert ents["Sandy Hook"].type != "PERSON"
    assert ents["Chris Murphy"].type == "PERSON"


def test_a_speaking_surname_that_is_also_a_country_is_the_person(extractor):
    brief = extractor.extract("Caucus\n\nRep. Steve Israel met the nominee on Tuesday. \"She was very clear about "
                              "the plan,\" Israel said. Later he flew to Israel for talks.")
    ents = {e.name: e for e in brief.entities}
    assert "Israel" in ents["Steve Israel"].aliases
    assert ents["Israel"].type == "GPE"
    assert [s.speaker for s in brief.statements if s.kind == "direct"] == ["Steve Israel"]


def test_the_state_after_a_lawmaker_is_no_alias_of_them(extractor):
    ents = names(extractor, "Senate\n\nRepublicans like Sens. Lindsey Graham (S.C.) and Mark Kirk (Ill.) and Rep. "
                            "Richard Hanna (N.Y.) said they would not vote for him.")
    assert ents["Lindsey Graham"].aliases == [] and ents["Richard Hanna"].aliases == []


def test_a_full_name_whose_surname_speaks_is_a_person(extractor):
    brief = extractor.extract("Cable news\n\nThe network gave Sean Hannity a new contract on Monday. "
                              "\"I am staying,\" Hannity said.")
    ents = {e.name: e for e in brief.entities}
    assert ents["Sean Hannity"].type == "PERSON"
    assert [s.speaker for s in brief.statements if s.kind == "direct"] == ["Sean Hannity"]


def test_peoples_are_groups_not_persons(extractor):
    ents = names(extractor, "Poll\n\nThe party has grown more hostile to Latinos, the survey found. Older Latinos "
                            "were split, and Hispanics in Florida leaned left. Mormons in Utah voted early.")
    assert ents["Latino"].type == "NORP" and "Latinos" in ents["Latino"].aliases
    assert not any(e.type == "PERSON" for e in ents.values())
