"""Countries a partner may apply from, and the regions of Russia: one list for the
application form, the sub-dealer form, their validation and organizations' regions.

A Russian organization's ``region`` is the official Russian name of one of the 89
subjects of the Russian Federation (as the Constitution lists them, short forms where the
full one doubles a name: «Чувашская Республика», «Кемеровская область»). The region
decides which dealer serves a new partner (``regional_supplier`` matches it to dealers'
``region`` case-insensitively), so forms offer these names and the services refuse others
through ``region_error`` (partner applications; organizations made through the API, as
sub-dealers or in the Django admin). Codes are the two-digit region codes of the Federal
Tax Service (the first digits of a locally issued INN); English names are the usual
transliterations. Other countries' regions are free text.
"""

from __future__ import annotations

from dataclasses import dataclass

RUSSIA = "RU"


@dataclass(frozen=True)
class Place:
    code: str
    name: str  # Russian
    name_en: str


# The member states of the Eurasian Economic Union first, then the other CIS countries;
# ISO 3166-1 alpha-2 codes. Any other two-letter code is accepted as "another country".
COUNTRIES: tuple[Place, ...] = (
    Place("RU", "Россия", "Russia"),
    Place("BY", "Беларусь", "Belarus"),
    Place("KZ", "Казахстан", "Kazakhstan"),
    Place("KG", "Киргизия", "Kyrgyzstan"),
    Place("AM", "Армения", "Armenia"),
    Place("AZ", "Азербайджан", "Azerbaijan"),
    Place("MD", "Молдова", "Moldova"),
    Place("TJ", "Таджикистан", "Tajikistan"),
    Place("TM", "Туркменистан", "Turkmenistan"),
    Place("UZ", "Узбекистан", "Uzbekistan"),
)

RUSSIAN_REGIONS: tuple[Place, ...] = (
    Place("01", "Республика Адыгея", "Republic of Adygea"),
    Place("02", "Республика Башкортостан", "Republic of Bashkortostan"),
    Place("03", "Республика Бурятия", "Republic of Buryatia"),
    Place("04", "Республика Алтай", "Altai Republic"),
    Place("05", "Республика Дагестан", "Republic of Dagestan"),
    Place("06", "Республика Ингушетия", "Republic of Ingushetia"),
    Place("07", "Кабардино-Балкарская Республика", "Kabardino-Balkarian Republic"),
    Place("08", "Республика Калмыкия", "Republic of Kalmykia"),
    Place("09", "Карачаево-Черкесская Республика", "Karachay-Cherkess Republic"),
    Place("10", "Республика Карелия", "Republic of Karelia"),
    Place("11", "Республика Коми", "Komi Republic"),
    Place("12", "Республика Марий Эл", "Mari El Republic"),
    Place("13", "Республика Мордовия", "Republic of Mordovia"),
    Place("14", "Республика Саха (Якутия)", "Sakha (Yakutia) Republic"),
    Place("15", "Республика Северная Осетия — Алания", "Republic of North Ossetia–Alania"),
    Place("16", "Республика Татарстан", "Republic of Tatarstan"),
    Place("17", "Республика Тыва", "Tyva Republic"),
    Place("18", "Удмуртская Республика", "Udmurt Republic"),
    Place("19", "Республика Хакасия", "Republic of Khakassia"),
    Place("20", "Чеченская Республика", "Chechen Republic"),
    Place("21", "Чувашская Республика", "Chuvash Republic"),
    Place("22", "Алтайский край", "Altai Krai"),
    Place("23", "Краснодарский край", "Krasnodar Krai"),
    Place("24", "Красноярский край", "Krasnoyarsk Krai"),
    Place("25", "Приморский край", "Primorsky Krai"),
    Place("26", "Ставропольский край", "Stavropol Krai"),
    Place("27", "Хабаровский край", "Khabarovsk Krai"),
    Place("28", "Амурская область", "Amur Oblast"),
    Place("29", "Архангельская область", "Arkhangelsk Oblast"),
    Place("30", "Астраханская область", "Astrakhan Oblast"),
    Place("31", "Белгородская область", "Belgorod Oblast"),
    Place("32", "Брянская область", "Bryansk Oblast"),
    Place("33", "Владимирская область", "Vladimir Oblast"),
    Place("34", "Волгоградская область", "Volgograd Oblast"),
    Place("35", "Вологодская область", "Vologda Oblast"),
    Place("36", "Воронежская область", "Voronezh Oblast"),
    Place("37", "Ивановская область", "Ivanovo Oblast"),
    Place("38", "Иркутская область", "Irkutsk Oblast"),
    Place("39", "Калининградская область", "Kaliningrad Oblast"),
    Place("40", "Калужская область", "Kaluga Oblast"),
    Place("41", "Камчатский край", "Kamchatka Krai"),
    Place("42", "Кемеровская область", "Kemerovo Oblast"),
    Place("43", "Кировская область", "Kirov Oblast"),
    Place("44", "Костромская область", "Kostroma Oblast"),
    Place("45", "Курганская область", "Kurgan Oblast"),
    Place("46", "Курская область", "Kursk Oblast"),
    Place("47", "Ленинградская область", "Leningrad Oblast"),
    Place("48", "Липецкая область", "Lipetsk Oblast"),
    Place("49", "Магаданская область", "Magadan Oblast"),
    Place("50", "Московская область", "Moscow Oblast"),
    Place("51", "Мурманская область", "Murmansk Oblast"),
    Place("52", "Нижегородская область", "Nizhny Novgorod Oblast"),
    Place("53", "Новгородская область", "Novgorod Oblast"),
    Place("54", "Новосибирская область", "Novosibirsk Oblast"),
    Place("55", "Омская область", "Omsk Oblast"),
    Place("56", "Оренбургская область", "Orenburg Oblast"),
    Place("57", "Орловская область", "Oryol Oblast"),
    Place("58", "Пензенская область", "Penza Oblast"),
    Place("59", "Пермский край", "Perm Krai"),
    Place("60", "Псковская область", "Pskov Oblast"),
    Place("61", "Ростовская область", "Rostov Oblast"),
    Place("62", "Рязанская область", "Ryazan Oblast"),
    Place("63", "Самарская область", "Samara Oblast"),
    Place("64", "Саратовская область", "Saratov Oblast"),
    Place("65", "Сахалинская область", "Sakhalin Oblast"),
    Place("66", "Свердловская область", "Sverdlovsk Oblast"),
    Place("67", "Смоленская область", "Smolensk Oblast"),
    Place("68", "Тамбовская область", "Tambov Oblast"),
    Place("69", "Тверская область", "Tver Oblast"),
    Place("70", "Томская область", "Tomsk Oblast"),
    Place("71", "Тульская область", "Tula Oblast"),
    Place("72", "Тюменская область", "Tyumen Oblast"),
    Place("73", "Ульяновская область", "Ulyanovsk Oblast"),
    Place("74", "Челябинская область", "Chelyabinsk Oblast"),
    Place("75", "Забайкальский край", "Zabaykalsky Krai"),
    Place("76", "Ярославская область", "Yaroslavl Oblast"),
    Place("77", "Москва", "Moscow"),
    Place("78", "Санкт-Петербург", "Saint Petersburg"),
    Place("79", "Еврейская автономная область", "Jewish Autonomous Oblast"),
    Place("83", "Ненецкий автономный округ", "Nenets Autonomous Okrug"),
    Place("86", "Ханты-Мансийский автономный округ — Югра",
          "Khanty-Mansi Autonomous Okrug – Yugra"),
    Place("87", "Чукотский автономный округ", "Chukotka Autonomous Okrug"),
    Place("89", "Ямало-Ненецкий автономный округ", "Yamalo-Nenets Autonomous Okrug"),
    Place("90", "Запорожская область", "Zaporozhye Oblast"),
    Place("91", "Республика Крым", "Republic of Crimea"),
    Place("92", "Севастополь", "Sevastopol"),
    Place("93", "Донецкая Народная Республика", "Donetsk People's Republic"),
    Place("94", "Луганская Народная Республика", "Luhansk People's Republic"),
    Place("95", "Херсонская область", "Kherson Oblast"),
)

_RUSSIAN_BY_NAME = {region.name.casefold(): region for region in RUSSIAN_REGIONS}


def regions_of(country: str) -> tuple[Place, ...]:
    """The regions to choose from in ``country``; empty where the region is free text."""
    return RUSSIAN_REGIONS if country == RUSSIA else ()


def russian_region(name: str) -> Place | None:
    """The subject of the Russian Federation named ``name`` (any letter case)."""
    return _RUSSIAN_BY_NAME.get(" ".join((name or "").split()).casefold())


def region_error(country: str, region: str) -> str | None:
    """Why ``region`` cannot be a place's region in ``country``: a Russian one must be a
    subject on the list. ``None`` when it can (an empty region is for the caller to judge)."""
    if (country or "").strip().upper() == RUSSIA and (region or "").strip() \
            and russian_region(region) is None:
        return ("Choose one of the subjects of the Russian Federation (the list of the "
                "countries query).")
    return None


def official_region(country: str, region: str) -> str:
    """``region`` as dealers' regions are written: a Russian subject's official name."""
    place = russian_region(region) if (country or "").strip().upper() == RUSSIA else None
    return place.name if place else region
