"""A labelled set for watched channels (issue 10): what members post in a news
channel. Written for this project; every name, place and event is made up or
generic. BRIEFS must all be indexed, CHAT never."""

BRIEFS = [
    "Port authority approves new crane\n\nPort director Maria Lopez said the crane would arrive in May. "
    "\"This is the biggest investment in a decade,\" Lopez said.",
    "Harbour council delays ferry vote\n\nMayor Jane Doe told reporters on Monday that the ferry contract was late. "
    "The council meets again next week to decide on the Northern Ferries bid.",
    "Central bank holds rates at 4.5%\n\nThe Reserve Bank of Norland kept its main rate unchanged on Tuesday. "
    "Governor Aila Varga said inflation was easing but wages were still rising quickly.",
    "Wildfire forces evacuation of two villages in Castel Verde\n\nFirefighters battled a blaze overnight near "
    "Castel Verde, regional officials said. About 800 residents were moved to schools in Porto Lino.",
    "Tech firm Brightwave to cut 1,200 jobs\n\nBrightwave, the Austin-based software maker, will cut 1,200 jobs "
    "by March, chief executive Tom Reyes told staff in an email seen by reporters.",
    "Minister resigns over procurement inquiry\n\nHealth Minister Paul Okafor resigned on Friday after an inquiry "
    "found his office ignored procurement rules. Prime Minister Lena Ostrova accepted the resignation.",
    "UN envoy arrives in Kessaria for truce talks\n\nThe United Nations special envoy, Hamid Sayeed, landed in "
    "Kessaria on Sunday. He is expected to meet both delegations before talks resume on Wednesday.",
    "Striking rail workers reach deal with operator\n\nThe RMW union and Westline Rail agreed a 6% pay rise "
    "over two years, ending a strike that halted trains across the region since 2 October.",
    "Record heat in Valmora as temperatures reach 44C\n\nThe national weather service said Saturday was the "
    "hottest day on record in Valmora. Hospitals reported a rise in heatstroke cases.",
    "Court blocks mining permit near Lake Orrin\n\nA federal judge in Denver halted a permit for the Redstone "
    "copper mine, ruling that the Interior Department had not assessed water risks, court papers show.",
    "Election commission confirms runoff date\n\nThe Electoral Commission of Tamaru said the presidential runoff "
    "between Joseph Mbeki-Ode and Sara Lind will be held on 14 June, chairman Ken Awuor announced.",
    "Carmaker recalls 90,000 vehicles over brake fault\n\nVeltro Motors is recalling 90,000 SUVs sold in Europe "
    "and Canada because of a brake sensor fault, the company said in a statement on Thursday.",
    "Drone strike hits fuel depot in Harkiv region\n\nA drone struck a fuel depot in the Harkiv region early on "
    "Monday, Governor Oleh Marchenko said on Telegram. No casualties were reported.",
    "Parliament passes housing bill after long debate\n\nLawmakers in Brevik approved the housing bill by 201 "
    "votes to 148 on Wednesday. Opposition leader Ingrid Solheim said the party would challenge it.",
    "Airline Skyra cancels flights as pilots walk out\n\nSkyra cancelled 300 flights from Lisbon and Porto on "
    "Tuesday as pilots began a 48-hour strike over rosters, a spokesperson for the airline said.",
    "Scientists find new species of frog in Andean cloud forest\n\nResearchers from the University of Quito "
    "described the frog in the journal Zootaxa this week. Lead author Marta Cruz said it lives above 2,800 metres.",
    "Shipping giant Orelia to buy rival for $4bn\n\nOrelia Group agreed to acquire Baltic Lines for $4 billion, "
    "the companies said on Monday, creating Europe's third-largest container carrier.",
    "Police arrest suspect after museum theft in Arlen\n\nArlen police arrested a 34-year-old man on Saturday in "
    "connection with the theft of two paintings from the City Museum, Chief Inspector Dana Holt said.",
    "Senate confirms new defence secretary\n\nThe Senate voted 52-47 on Thursday to confirm Mark Halvorsen as "
    "defence secretary. Senator Rita Coles said he would face tough questions on the budget.",
    "Flood defences fail in Rivenford as river peaks\n\nThe River Tam burst its banks in Rivenford overnight, "
    "the Environment Agency said. Around 400 homes were flooded and the main bridge was closed.",
    "The European Commission fined Quanta Search 1.2 billion euros on Tuesday for favouring its own shopping "
    "service, Competition Commissioner Elsa Moreau told a news conference in Brussels.",
    "Japan's largest union, Rengo, said on Friday it would seek wage increases of at least 5% in next spring's "
    "talks, its president Yuki Tanabe told reporters in Tokyo.",
    "Kenya's central bank cut its benchmark rate to 10.75% on Tuesday, Governor Kamau Thugge said, citing "
    "slowing inflation and a stronger shilling over the past three months.",
    "Officials in Melbourne said on Sunday that a 61-year-old swimmer died after being pulled from the water at "
    "St Kilda beach. Victoria Police said the death was not suspicious.",
    "Brazilian prosecutors charged three former executives of Construtora Alvo with bribery on Monday, accusing "
    "them of paying officials in Rio de Janeiro to win road contracts between 2015 and 2019.",
    "BREAKING: Magnitude 6.4 earthquake strikes off coast of Sumbara\n\nThe quake hit 40 km west of Port Rana at "
    "a depth of 10 km, the US Geological Survey said. A tsunami warning was issued and later lifted.",
    "Hospital waiting lists fall for first time in five years\n\nFigures from NHS Albion published on Thursday "
    "show the waiting list fell by 42,000 in October. Health Secretary Ruth Adeyemi called it a turning point.",
    "**Talks on grain corridor stall**\n\nNegotiators from Ostrava and Velen ended two days of talks in Geneva "
    "without agreement, a Swiss foreign ministry official said on Wednesday. They plan to meet again in January.",
    "Football: Redbridge sack manager after seventh defeat\n\nRedbridge United dismissed manager Colin Hart on "
    "Sunday after a 3-0 loss to Eastfield left the club bottom of the league, the club said in a statement.",
    "Teachers in Calden vote to strike\n\nMembers of the National Teachers Union in Calden voted 78% in favour "
    "of strike action over pay, general secretary Owen Pryce said. Schools could close from 3 March.",
    "Space agency delays lunar lander launch\n\nThe Orion Space Agency postponed the launch of its Selene lander "
    "to next year after a valve problem was found during tests, programme director Ana Ruiz said.",
    "Oil prices rose 2% on Monday after OPEC+ members agreed to extend output cuts into the second quarter, "
    "Saudi Energy Minister Prince Abdulaziz said after the meeting in Vienna.",
    "Farmers block roads in Lorraine over fuel tax\n\nHundreds of tractors blocked motorways around Metz and "
    "Nancy on Tuesday. The FNSEA union said protests would continue until the government dropped the tax.",
    "New bridge over the Danube opens in Vidin\n\nThe 1.8 km bridge linking Vidin and Calafat opened to traffic "
    "on Saturday, Transport Minister Georgi Petrov said, cutting the crossing time to ten minutes.",
    "Wikipedia co-founder backs open-source search project\n\nJimmy Rowe said on Thursday he would fund Openfind, "
    "a search engine run by volunteers, after it raised $2 million from small donors in Berlin.",
    "Three climbers rescued on Mount Serra\n\nMountain rescue teams reached the three climbers on Sunday after "
    "two nights on the north face, the Serra rescue service said. All were taken to hospital in Brienne.",
    "Trade deficit narrows as exports to China rise\n\nThe statistics office in Seoul said on Wednesday the "
    "deficit shrank to $1.1 billion in November as chip shipments to China climbed 18%.",
    "Coastguard searches for missing fishing boat off Kerry\n\nThe Irish Coast Guard said a search was under way "
    "for the trawler Mary Ellen, which lost contact on Friday evening with four crew aboard.",
    "Government unveils plan to ban smartphones in schools\n\nEducation Minister Sofia Lund said on Monday the "
    "ban would apply to all primary and secondary schools in Denmark from August.",
    "Vaccine maker Celvax reports strong trial results\n\nCelvax said its RSV vaccine was 84% effective in a "
    "trial of 25,000 adults, sending its shares up 12% in Frankfurt. Regulators will review the data in spring.",
]

CHAT = [
    "Great read, thanks! Anyone know when the crane arrives?",
    "Thanks @alice for posting these, super useful. I was wondering what Megrahi's family reaction was "
    "when the news broke, did anyone see a statement from them or from the lawyers in Glasgow? "
    "I couldn't find anything on the BBC site yesterday.",
    "lol this is wild",
    "Does anyone have a link to the full Reuters piece? The paywall is killing me and I only got the first "
    "paragraph about the central bank decision before it cut off.",
    "I think the Fed will cut again in March, honestly. Powell basically said so last week and the markets "
    "are already pricing it in, but what do I know haha",
    "@bob can you post the Hegseth article from this morning? I missed it and the search isn't finding it "
    "for me, maybe because it came in as a link.",
    "Morning all! Busy news day, I'll try to post the Brussels stuff after lunch.",
    "Not sure this belongs here tbh, it's more of an opinion piece than news. Maybe move it to #discussion?",
    "Wow. Just wow. Did not expect the Senate to confirm him that quickly, I thought Collins and Murkowski "
    "would at least hold it up for a week or two.",
    "Can we keep the channel for briefs only please? Chat goes in #general, thanks everyone 🙏",
    "Who else is watching the press conference right now? Macron looks exhausted lol",
    "I'm going to be away until Monday so someone else will have to post the morning round-up. "
    "@carol are you able to cover Friday and the weekend?",
    "This is the third time this week the bot missed a quote from Lagarde, I wonder if it's the way the ECB "
    "formats their statements. Anyone else noticing that?",
    "My take: the ceasefire won't hold. Netanyahu needs the war to stay in power and Hamas knows it. We've "
    "seen this exact pattern three times since 2014.",
    "ok but why is nobody talking about the Bolsonaro verdict?? that seems way bigger than the trade stuff",
    "Reminder: the monthly news quiz is on Thursday at 8pm in the voice channel. Bring your friends!",
    "Sorry, posted the wrong link above. Ignore it, I'll repost the right one in a sec.",
    "Hmm, I don't trust that source at all. They got the Zelensky story badly wrong last year and never "
    "issued a correction as far as I remember.",
    "@everyone the bot is back up after the restart, let us know if anything looks off",
    "Interesting how different the Guardian and the Telegraph headlines are on the same story. Same facts, "
    "completely different spin. Media literacy matters, folks.",
    "Can someone explain what OPEC+ actually is? I always thought OPEC was just the Middle East countries but "
    "apparently Russia is in it too?",
    "I've been following the Albanese story for weeks and honestly I still don't get what the scandal is "
    "supposed to be. Is it the travel expenses or the appointment?",
    "Happy new year everyone! Thanks for all the great posts in 2025, this channel has been my main news "
    "source all year.",
    "We should really start tagging posts by region, it's getting hard to follow Asia stuff when it's mixed "
    "in with all the US politics. Thoughts?",
    "brb grabbing coffee, will finish the summary of the Tokyo story when I'm back",
    "Did the bot index my post from last night? I don't see a checkmark on it and !search can't find it.",
    "Just saw on twitter that Musk is buying another company lmao, can't keep up with this guy",
    "Agree with @dave here, the Bank of England is behind the curve. My mortgage went up again this month "
    "and I'm not happy about it.",
    "Thank you so much for the summary, that saved me half an hour of reading this morning!",
    "Where is everyone getting the Kremlin readouts from? The official site has been down for me all day.",
    "Quick poll: should we do a weekly digest of the top five stories? React with 👍 or 👎",
    "I was in Lisbon when the airline strike happened last year and it was chaos, took me two days to get "
    "home. Feel for anyone travelling this week.",
    "honestly the Hegseth hearing was a mess, I watched the whole thing and I still don't know what his plan "
    "for the Pacific actually is. anyone?",
    "New here 👋 I mostly follow European politics, happy to post stuff from Le Monde and Der Spiegel if "
    "that's useful to people.",
    "Could the mods pin the Ukraine timeline? I keep scrolling up for it every time someone mentions Donbas.",
    "That's not what he said though. Read the transcript, he said 'we will consider it', not 'we will do it'. "
    "Big difference.",
    "I'll believe the Trump-Xi trade deal when I see it signed, we've had 'imminent' deals announced five "
    "times already this year.",
    "Is it just me or has the bot been slow today? Took ages to answer my !who Lagarde question.",
    "Good point @erin, I hadn't thought about the tariff angle. Makes the Canada story make a lot more sense.",
    "RIP to my weekend plans, there's so much news to catch up on after this week 😂",
    "Can you believe Starmer said that in PMQs? I nearly choked on my tea. Anyone got a clip?",
    "We're doing a watch party for the election results on Sunday, DM me if you want the link!",
]
