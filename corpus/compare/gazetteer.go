package compare

import (
	"strings"
	"sync"

	"github.com/parallax-reader/parallax/corpus/lang"
)

// A small gazetteer of general knowledge: countries with their other names,
// demonyms and capitals, plus a few supranational bodies and regions. It lets
// "US", "U.S.", "America" and "United States" meet, marks places as places,
// and tells an adjective ("Ukrainian") from a name.
//
// Format per line: Name | aliases | demonyms | capital.
const gazetteerData = `
Afghanistan||Afghan|Kabul
Albania||Albanian|Tirana
Algeria||Algerian|Algiers
Argentina||Argentine,Argentinian|Buenos Aires
Armenia||Armenian|Yerevan
Australia||Australian|Canberra
Austria||Austrian|Vienna
Azerbaijan||Azerbaijani,Azeri|Baku
Bahrain||Bahraini|Manama
Bangladesh||Bangladeshi|Dhaka
Belarus|Byelorussia|Belarusian,Belarussian|Minsk
Belgium||Belgian|Brussels
Bolivia||Bolivian|La Paz
Bosnia and Herzegovina|Bosnia|Bosnian|Sarajevo
Brazil||Brazilian|Brasilia
Bulgaria||Bulgarian|Sofia
Cambodia||Cambodian|Phnom Penh
Cameroon||Cameroonian|Yaounde
Canada||Canadian|Ottawa
Chile||Chilean|Santiago
China|PRC|Chinese|Beijing
Colombia||Colombian|Bogota
Congo|DRC|Congolese|Kinshasa
Croatia||Croatian,Croat|Zagreb
Cuba||Cuban|Havana
Cyprus||Cypriot|Nicosia
Czech Republic|Czechia|Czech|Prague
Denmark||Danish,Dane|Copenhagen
Ecuador||Ecuadorian|Quito
Egypt||Egyptian|Cairo
Estonia||Estonian|Tallinn
Ethiopia||Ethiopian|Addis Ababa
Finland||Finnish,Finn|Helsinki
France||French|Paris
Georgia||Georgian|Tbilisi
Germany||German|Berlin
Ghana||Ghanaian|Accra
Greece||Greek|Athens
Hungary||Hungarian|Budapest
Iceland||Icelandic|Reykjavik
India||Indian|New Delhi
Indonesia||Indonesian|Jakarta
Iran||Iranian|Tehran
Iraq||Iraqi|Baghdad
Ireland||Irish|Dublin
Israel||Israeli|Jerusalem
Italy||Italian|Rome
Japan||Japanese|Tokyo
Jordan||Jordanian|Amman
Kazakhstan||Kazakh|Astana
Kenya||Kenyan|Nairobi
Kosovo||Kosovar|Pristina
Kuwait||Kuwaiti|Kuwait City
Kyrgyzstan||Kyrgyz|Bishkek
Latvia||Latvian|Riga
Lebanon||Lebanese|Beirut
Libya||Libyan|Tripoli
Lithuania||Lithuanian|Vilnius
Luxembourg||Luxembourgish|Luxembourg
Malaysia||Malaysian|Kuala Lumpur
Mali||Malian|Bamako
Mexico||Mexican|Mexico City
Moldova||Moldovan|Chisinau
Mongolia||Mongolian|Ulaanbaatar
Montenegro||Montenegrin|Podgorica
Morocco||Moroccan|Rabat
Myanmar|Burma|Burmese|Naypyidaw
Nepal||Nepali,Nepalese|Kathmandu
Netherlands|Holland|Dutch|Amsterdam
New Zealand||New Zealander|Wellington
Niger||Nigerien|Niamey
Nigeria||Nigerian|Abuja
North Korea|DPRK|North Korean|Pyongyang
North Macedonia|Macedonia|Macedonian|Skopje
Norway||Norwegian|Oslo
Oman||Omani|Muscat
Pakistan||Pakistani|Islamabad
Palestine|Palestinian Territories|Palestinian|Ramallah
Panama||Panamanian|Panama City
Peru||Peruvian|Lima
Philippines||Filipino,Philippine|Manila
Poland||Polish,Pole|Warsaw
Portugal||Portuguese|Lisbon
Qatar||Qatari|Doha
Romania||Romanian|Bucharest
Russia|Russian Federation|Russian|Moscow
Rwanda||Rwandan|Kigali
Saudi Arabia||Saudi|Riyadh
Senegal||Senegalese|Dakar
Serbia||Serbian,Serb|Belgrade
Singapore||Singaporean|
Slovakia||Slovak,Slovakian|Bratislava
Slovenia||Slovenian,Slovene|Ljubljana
Somalia||Somali|Mogadishu
South Africa||South African|Pretoria
South Korea|Korea,ROK|South Korean,Korean|Seoul
Spain||Spanish,Spaniard|Madrid
Sri Lanka||Sri Lankan|Colombo
Sudan||Sudanese|Khartoum
Sweden||Swedish,Swede|Stockholm
Switzerland||Swiss|Bern
Syria||Syrian|Damascus
Taiwan||Taiwanese|Taipei
Tajikistan||Tajik|Dushanbe
Thailand||Thai|Bangkok
Tunisia||Tunisian|Tunis
Turkey|Turkiye,Türkiye|Turkish,Turk|Ankara
Turkmenistan||Turkmen|Ashgabat
Uganda||Ugandan|Kampala
Ukraine||Ukrainian|Kyiv
United Arab Emirates|UAE,Emirates|Emirati|Abu Dhabi
United Kingdom|UK,U.K.,Britain,Great Britain|British,Briton|London
United States|US,U.S.,USA,U.S.A.,America,United States of America|American|Washington
Uruguay||Uruguayan|Montevideo
Uzbekistan||Uzbek|Tashkent
Venezuela||Venezuelan|Caracas
Vietnam|Viet Nam|Vietnamese|Hanoi
Yemen||Yemeni|Sanaa
Zimbabwe||Zimbabwean|Harare
`

// Other places: cities, regions and seas common in international news.
const placeData = `Kiev,Kharkiv,Kharkov,Odesa,Odessa,Lviv,Donetsk,Luhansk,Donbas,Donbass,Crimea,Zaporizhzhia,
Kherson,Mariupol,Bakhmut,Pokrovsk,Gaza,West Bank,Golan Heights,Tel Aviv,Istanbul,Geneva,Zurich,Munich,
Frankfurt,Hamburg,Milan,Barcelona,St Petersburg,Saint Petersburg,Shanghai,Hong Kong,Mumbai,Dubai,
Sydney,Toronto,Vancouver,Montreal,New York,Los Angeles,Chicago,Houston,Miami,San Francisco,Boston,
Florida,California,Texas,Alaska,Hawaii,Virginia,Europe,Asia,Africa,Middle East,Latin America,
Black Sea,Baltic Sea,Red Sea,Mediterranean,Caspian Sea,Pacific,Atlantic,Arctic,Balkans,Caucasus,
Siberia,Scandinavia,Kashmir,Tibet,Xinjiang,Sahel,Persian Gulf,Gulf,South China Sea,Taiwan Strait`

// The states of the United States with their AP-style abbreviations
// ("Calif.", "Ariz."); abbreviations that are also common words ("Miss.",
// "Ind.", "Mass.", "La.") are left out. Format per item: Name|aliases.
const usStateData = `Alabama|Ala;Arizona|Ariz;Arkansas|Ark;Colorado|Colo;Connecticut|Conn;Delaware|;
Idaho|;Illinois|Ill;Indiana|;Iowa|;Kansas|Kan;Kentucky|Ky;Louisiana|;Maine|;Maryland|Md;
Massachusetts|;Michigan|Mich;Minnesota|Minn;Mississippi|;Missouri|;Montana|Mont;Nebraska|Neb;Nevada|Nev;
New Hampshire|N.H.;New Jersey|N.J.;New Mexico|N.M.;North Carolina|N.C.;North Dakota|N.D.;Ohio|;
Oklahoma|Okla;Oregon|Ore;Pennsylvania|;Rhode Island|R.I.;South Carolina|S.C.;South Dakota|S.D.;
Tennessee|Tenn;Utah|;Vermont|Vt;West Virginia|W.Va.;Wisconsin|Wis;Wyoming|Wyo`

// Supranational and well-known organisations written as acronyms or names
// without an organisation word.
const orgData = `NATO,EU,European Union,UN,United Nations,IMF,WHO,OPEC,G7,G20,BRICS,ASEAN,OSCE,
Kremlin,Pentagon,White House,Downing Street,Elysee,Congress,Parliament,Reuters,AFP,AP,BBC,CNN,
Hamas,Hezbollah,Taliban,Interpol,Europol,Red Cross,Guardian,New York Times,Washington Post,
Wall Street Journal,Associated Press,Bloomberg,Politico,Axios,NPR,NBC,ABC,CBS,MSNBC,Fox News,PBS,
Financial Times,Los Angeles Times,USA Today,Newsweek,New Yorker,Daily Mail,
Twitter,Facebook,Instagram,YouTube,TikTok,FBI,CIA,NSA,Justice Department,State Department,
Supreme Court,Senate,House of Representatives`

// adjectivals are capitalised adjectives and group words that are not names
// on their own ("Western sanctions", "Arab states").
var adjectivals = setOf("western", "eastern", "northern", "southern", "european", "african", "asian",
	"arab", "arabic", "latin", "nordic", "baltic", "soviet", "islamic", "muslim", "christian", "jewish",
	"catholic", "orthodox", "sunni", "shia", "shiite", "kurdish", "slavic", "anglo", "transatlantic",
	"democrat", "democrats", "republican", "republicans", "democratic")

type placeInfo struct {
	canon string
	kind  EntityKind
}

// gazetteerTables are built from the lists above on first use (gazetteerOnce),
// not at start-up: commands that compare nothing (list, search, show)
// never pay for them.
type gazetteerTables struct {
	// names maps a folded name or alias to its canonical name and kind.
	names map[string]placeInfo
	// demonyms maps a folded demonym to its country's canonical name.
	demonyms map[string]string
	// first holds the first words of the gazetteer's names of several
	// words ("united" for "united states").
	first map[string]bool
}

var gazetteerOnce = sync.OnceValue(buildGazetteer)

// gazetteer maps a folded name or alias to its canonical name and kind.
func gazetteer() map[string]placeInfo { return gazetteerOnce().names }

// demonyms maps a folded demonym to its country's canonical name.
func demonyms() map[string]string { return gazetteerOnce().demonyms }

// gazetteerFirst holds the first words of the gazetteer's names of
// several words.
func gazetteerFirst() map[string]bool { return gazetteerOnce().first }

func buildGazetteer() *gazetteerTables {
	gazetteer, demonyms, gazetteerFirst := map[string]placeInfo{}, map[string]string{}, map[string]bool{}
	for _, line := range strings.Split(gazetteerData, "\n") {
		f := strings.Split(strings.TrimSpace(line), "|")
		if len(f) != 4 {
			continue
		}
		name := f[0]
		gazetteer[foldName(name)] = placeInfo{name, Place}
		for _, a := range splitList(f[1]) {
			gazetteer[foldName(a)] = placeInfo{name, Place}
		}
		for _, d := range splitList(f[2]) {
			demonyms[foldName(d)] = name
		}
		if c := strings.TrimSpace(f[3]); c != "" {
			if _, dup := gazetteer[foldName(c)]; !dup {
				gazetteer[foldName(c)] = placeInfo{c, Place}
			}
		}
	}
	for _, p := range splitList(placeData) {
		gazetteer[foldName(p)] = placeInfo{p, Place}
	}
	for _, st := range strings.Split(usStateData, ";") {
		name, alias, _ := strings.Cut(strings.TrimSpace(st), "|")
		if _, dup := gazetteer[foldName(name)]; !dup {
			gazetteer[foldName(name)] = placeInfo{name, Place}
		}
		if alias != "" {
			gazetteer[foldName(alias)] = placeInfo{name, Place}
		}
	}
	for _, o := range splitList(orgData) {
		gazetteer[foldName(o)] = placeInfo{o, Org}
	}
	// Spelling variants of one place share a canonical name.
	for v, c := range map[string]string{"kiev": "Kyiv", "kharkov": "Kharkiv", "odessa": "Odesa", "donbass": "Donbas",
		"saint petersburg": "St Petersburg", "un": "United Nations", "eu": "European Union"} {
		k := gazetteer[v]
		k.canon = c
		gazetteer[v] = k
	}
	for k := range gazetteer {
		if first, _, ok := strings.Cut(k, " "); ok {
			gazetteerFirst[first] = true
		}
	}
	return &gazetteerTables{names: gazetteer, demonyms: demonyms, first: gazetteerFirst}
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// foldName folds a name for lookup: lower case, no diacritics, no dots,
// single spaces ("U.S." and "US" meet).
func foldName(s string) string {
	f := lang.Fold(s)
	f = strings.ReplaceAll(f, ".", "")
	f = strings.ReplaceAll(f, "-", " ")
	return strings.Join(strings.Fields(f), " ")
}

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
