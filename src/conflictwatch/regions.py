"""Country facts ACLED exports carry: the numeric ISO code and ACLED's region name."""

from __future__ import annotations

from functools import lru_cache

import pycountry

_REGIONS: dict[str, tuple[str, ...]] = {
    "Western Africa": ("BJ", "BF", "CV", "CI", "GM", "GH", "GN", "GW", "LR", "ML", "MR", "NE", "NG",
                       "SN", "SL", "TG"),
    "Middle Africa": ("AO", "CM", "CF", "TD", "CG", "CD", "GQ", "GA", "ST"),
    "Eastern Africa": ("BI", "KM", "DJ", "ER", "ET", "KE", "MG", "MW", "MU", "YT", "MZ", "RE", "RW",
                       "SC", "SO", "SS", "SD", "TZ", "UG", "ZM", "ZW"),
    "Northern Africa": ("DZ", "EG", "LY", "MA", "TN", "EH"),
    "Southern Africa": ("BW", "SZ", "LS", "NA", "ZA"),
    "Middle East": ("BH", "CY", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR",
                    "AE", "YE"),
    "South Asia": ("AF", "BD", "BT", "IN", "MV", "NP", "PK", "LK"),
    "Southeast Asia": ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"),
    "East Asia": ("CN", "HK", "JP", "KP", "KR", "MN", "TW", "MO"),
    "Caucasus and Central Asia": ("AM", "AZ", "GE", "KZ", "KG", "TJ", "TM", "UZ"),
    "Europe": ("AL", "AD", "AT", "BY", "BE", "BA", "BG", "HR", "CZ", "DK", "EE", "FI", "FR", "DE",
               "GR", "HU", "IS", "IE", "IT", "XK", "LV", "LI", "LT", "LU", "MT", "MD", "MC", "ME",
               "NL", "MK", "NO", "PL", "PT", "RO", "RU", "SM", "RS", "SK", "SI", "ES", "SE", "CH",
               "UA", "GB", "VA"),
    "North America": ("CA", "US", "GL", "BM", "PM"),
    "Central America": ("BZ", "CR", "SV", "GT", "HN", "MX", "NI", "PA"),
    "South America": ("AR", "BO", "BR", "CL", "CO", "EC", "GF", "GY", "PY", "PE", "SR", "UY", "VE",
                      "FK"),
    "Caribbean": ("AG", "BS", "BB", "CU", "DM", "DO", "GD", "HT", "JM", "KN", "LC", "VC", "TT", "PR"),
    "Oceania": ("AU", "FJ", "NZ", "PG", "SB", "VU", "WS", "TO", "KI", "FM", "MH", "NR", "PW", "TV",
                "NC", "PF"),
}
_REGION_OF = {cc: region for region, ccs in _REGIONS.items() for cc in ccs}


def region(country_code: str | None) -> str | None:
    return _REGION_OF.get((country_code or "").upper())


@lru_cache(maxsize=512)
def iso_numeric(country_code: str | None) -> int | None:
    if not country_code:
        return None
    c = pycountry.countries.get(alpha_2=country_code.upper())
    return int(c.numeric) if c else None


@lru_cache(maxsize=512)
def iso3(country_code: str | None) -> str | None:
    if not country_code:
        return None
    c = pycountry.countries.get(alpha_2=country_code.upper())
    return c.alpha_3 if c else None
