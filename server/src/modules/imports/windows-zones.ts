/**
 * Time-zone names found in calendar files, resolved to IANA zones.
 *
 * Outlook and Exchange write Windows zone ids ("W. Europe Standard Time") or, in older exports, the
 * display label of the zone ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"); other
 * producers prefix IANA names with a vendor path ("/mozilla.org/20070129_1/America/New_York") or write
 * a bare UTC offset ("UTC+11"). Entries are stored with an IANA zone, so every one of those spellings
 * has to land on one.
 *
 * The id table is CLDR's windowsZones.xml (territory "001", the zone Windows itself uses for the id),
 * as shipped by node-ical 0.26.1, with legacy links replaced by their current IANA names and five ids
 * of older Windows versions added. The display labels are the ones Outlook 2007-2016 wrote.
 */

/** Windows zone id -> IANA zone. */
export const WINDOWS_ZONE_IDS: ReadonlyMap<string, string> = new Map([
  ['AUS Central Standard Time', 'Australia/Darwin'],
  ['AUS Eastern Standard Time', 'Australia/Sydney'],
  ['Afghanistan Standard Time', 'Asia/Kabul'],
  ['Alaskan Standard Time', 'America/Anchorage'],
  ['Aleutian Standard Time', 'America/Adak'],
  ['Altai Standard Time', 'Asia/Barnaul'],
  ['Arab Standard Time', 'Asia/Riyadh'],
  ['Arabian Standard Time', 'Asia/Dubai'],
  ['Arabic Standard Time', 'Asia/Baghdad'],
  ['Argentina Standard Time', 'America/Argentina/Buenos_Aires'],
  ['Armenian Standard Time', 'Asia/Yerevan'],
  ['Astrakhan Standard Time', 'Europe/Astrakhan'],
  ['Atlantic Standard Time', 'America/Halifax'],
  ['Aus Central W. Standard Time', 'Australia/Eucla'],
  ['Azerbaijan Standard Time', 'Asia/Baku'],
  ['Azores Standard Time', 'Atlantic/Azores'],
  ['Bahia Standard Time', 'America/Bahia'],
  ['Bangladesh Standard Time', 'Asia/Dhaka'],
  ['Belarus Standard Time', 'Europe/Minsk'],
  ['Bougainville Standard Time', 'Pacific/Bougainville'],
  ['Canada Central Standard Time', 'America/Regina'],
  ['Cape Verde Standard Time', 'Atlantic/Cape_Verde'],
  ['Caucasus Standard Time', 'Asia/Yerevan'],
  ['Cen. Australia Standard Time', 'Australia/Adelaide'],
  ['Central America Standard Time', 'America/Guatemala'],
  ['Central Asia Standard Time', 'Asia/Bishkek'],
  ['Central Brazilian Standard Time', 'America/Cuiaba'],
  ['Central Europe Standard Time', 'Europe/Budapest'],
  ['Central European Standard Time', 'Europe/Warsaw'],
  ['Central Pacific Standard Time', 'Pacific/Guadalcanal'],
  ['Central Standard Time', 'America/Chicago'],
  ['Central Standard Time (Mexico)', 'America/Mexico_City'],
  ['Chatham Islands Standard Time', 'Pacific/Chatham'],
  ['China Standard Time', 'Asia/Shanghai'],
  ['Coordinated Universal Time', 'UTC'],
  ['Cuba Standard Time', 'America/Havana'],
  ['Dateline Standard Time', 'Etc/GMT+12'],
  ['E. Africa Standard Time', 'Africa/Nairobi'],
  ['E. Australia Standard Time', 'Australia/Brisbane'],
  ['E. Europe Standard Time', 'Europe/Chisinau'],
  ['E. South America Standard Time', 'America/Sao_Paulo'],
  ['Easter Island Standard Time', 'Pacific/Easter'],
  ['Eastern Standard Time', 'America/New_York'],
  ['Eastern Standard Time (Mexico)', 'America/Cancun'],
  ['Egypt Standard Time', 'Africa/Cairo'],
  ['Ekaterinburg Standard Time', 'Asia/Yekaterinburg'],
  ['FLE Standard Time', 'Europe/Kyiv'],
  ['Fiji Standard Time', 'Pacific/Fiji'],
  ['GMT Standard Time', 'Europe/London'],
  ['GTB Standard Time', 'Europe/Bucharest'],
  ['Georgian Standard Time', 'Asia/Tbilisi'],
  ['Greenland Standard Time', 'America/Nuuk'],
  ['Greenwich Standard Time', 'Atlantic/Reykjavik'],
  ['Haiti Standard Time', 'America/Port-au-Prince'],
  ['Hawaiian Standard Time', 'Pacific/Honolulu'],
  ['India Standard Time', 'Asia/Kolkata'],
  ['Iran Standard Time', 'Asia/Tehran'],
  ['Israel Standard Time', 'Asia/Jerusalem'],
  ['Jordan Standard Time', 'Asia/Amman'],
  ['Kaliningrad Standard Time', 'Europe/Kaliningrad'],
  ['Kamchatka Standard Time', 'Asia/Kamchatka'],
  ['Korea Standard Time', 'Asia/Seoul'],
  ['Libya Standard Time', 'Africa/Tripoli'],
  ['Line Islands Standard Time', 'Pacific/Kiritimati'],
  ['Lord Howe Standard Time', 'Australia/Lord_Howe'],
  ['Magadan Standard Time', 'Asia/Magadan'],
  ['Magallanes Standard Time', 'America/Punta_Arenas'],
  ['Marquesas Standard Time', 'Pacific/Marquesas'],
  ['Mauritius Standard Time', 'Indian/Mauritius'],
  ['Mexico Standard Time', 'America/Mexico_City'],
  ['Mexico Standard Time 2', 'America/Chihuahua'],
  ['Mid-Atlantic Standard Time', 'Etc/GMT+2'],
  ['Middle East Standard Time', 'Asia/Beirut'],
  ['Montevideo Standard Time', 'America/Montevideo'],
  ['Morocco Standard Time', 'Africa/Casablanca'],
  ['Mountain Standard Time', 'America/Denver'],
  ['Mountain Standard Time (Mexico)', 'America/Mazatlan'],
  ['Myanmar Standard Time', 'Asia/Yangon'],
  ['N. Central Asia Standard Time', 'Asia/Novosibirsk'],
  ['Namibia Standard Time', 'Africa/Windhoek'],
  ['Nepal Standard Time', 'Asia/Kathmandu'],
  ['New Zealand Standard Time', 'Pacific/Auckland'],
  ['Newfoundland Standard Time', 'America/St_Johns'],
  ['Norfolk Standard Time', 'Pacific/Norfolk'],
  ['North Asia East Standard Time', 'Asia/Irkutsk'],
  ['North Asia Standard Time', 'Asia/Krasnoyarsk'],
  ['North Korea Standard Time', 'Asia/Pyongyang'],
  ['Omsk Standard Time', 'Asia/Omsk'],
  ['Pacific SA Standard Time', 'America/Santiago'],
  ['Pacific Standard Time', 'America/Los_Angeles'],
  ['Pacific Standard Time (Mexico)', 'America/Tijuana'],
  ['Pakistan Standard Time', 'Asia/Karachi'],
  ['Paraguay Standard Time', 'America/Asuncion'],
  ['Qyzylorda Standard Time', 'Asia/Qyzylorda'],
  ['Romance Standard Time', 'Europe/Paris'],
  ['Russia Time Zone 10', 'Asia/Srednekolymsk'],
  ['Russia Time Zone 11', 'Asia/Kamchatka'],
  ['Russia Time Zone 3', 'Europe/Samara'],
  ['Russian Standard Time', 'Europe/Moscow'],
  ['SA Eastern Standard Time', 'America/Cayenne'],
  ['SA Pacific Standard Time', 'America/Bogota'],
  ['SA Western Standard Time', 'America/La_Paz'],
  ['SE Asia Standard Time', 'Asia/Bangkok'],
  ['Saint Pierre Standard Time', 'America/Miquelon'],
  ['Sakhalin Standard Time', 'Asia/Sakhalin'],
  ['Samoa Standard Time', 'Pacific/Apia'],
  ['Sao Tome Standard Time', 'Africa/Sao_Tome'],
  ['Saratov Standard Time', 'Europe/Saratov'],
  ['Singapore Standard Time', 'Asia/Singapore'],
  ['South Africa Standard Time', 'Africa/Johannesburg'],
  ['South Sudan Standard Time', 'Africa/Juba'],
  ['Sri Lanka Standard Time', 'Asia/Colombo'],
  ['Sudan Standard Time', 'Africa/Khartoum'],
  ['Syria Standard Time', 'Asia/Damascus'],
  ['Taipei Standard Time', 'Asia/Taipei'],
  ['Tasmania Standard Time', 'Australia/Hobart'],
  ['Tocantins Standard Time', 'America/Araguaina'],
  ['Tokyo Standard Time', 'Asia/Tokyo'],
  ['Tomsk Standard Time', 'Asia/Tomsk'],
  ['Tonga Standard Time', 'Pacific/Tongatapu'],
  ['Transbaikal Standard Time', 'Asia/Chita'],
  ['Turkey Standard Time', 'Europe/Istanbul'],
  ['Turks And Caicos Standard Time', 'America/Grand_Turk'],
  ['US Eastern Standard Time', 'America/Indiana/Indianapolis'],
  ['US Mountain Standard Time', 'America/Phoenix'],
  ['UTC', 'UTC'],
  ['UTC+12', 'Etc/GMT-12'],
  ['UTC+13', 'Etc/GMT-13'],
  ['UTC-02', 'Etc/GMT+2'],
  ['UTC-08', 'Etc/GMT+8'],
  ['UTC-09', 'Etc/GMT+9'],
  ['UTC-11', 'Etc/GMT+11'],
  ['Ulaanbaatar Standard Time', 'Asia/Ulaanbaatar'],
  ['Venezuela Standard Time', 'America/Caracas'],
  ['Vladivostok Standard Time', 'Asia/Vladivostok'],
  ['Volgograd Standard Time', 'Europe/Volgograd'],
  ['W. Australia Standard Time', 'Australia/Perth'],
  ['W. Central Africa Standard Time', 'Africa/Lagos'],
  ['W. Europe Standard Time', 'Europe/Berlin'],
  ['W. Mongolia Standard Time', 'Asia/Hovd'],
  ['West Asia Standard Time', 'Asia/Tashkent'],
  ['West Bank Standard Time', 'Asia/Hebron'],
  ['West Pacific Standard Time', 'Pacific/Port_Moresby'],
  ['Yakutsk Standard Time', 'Asia/Yakutsk'],
  ['Yukon Standard Time', 'America/Whitehorse'],
]);

/**
 * Outlook display labels -> IANA zone. Keys are the city lists without the "(UTC+01:00)" prefix,
 * because Outlook changed the prefix between versions ("GMT" -> "UTC", "+01.00" -> "+01:00") while the
 * cities stayed; they are normalized with {@link normalizeLabel} when the index is built.
 */
export const WINDOWS_DISPLAY_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['Canberra, Melbourne, Sydney', 'Australia/Sydney'],
  ['Casablanca', 'Africa/Casablanca'],
  ['Coordinated Universal Time', 'UTC'],
  ['Greenwich Mean Time: Dublin, Edinburgh, Lisbon, London', 'Europe/London'],
  ['Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London', 'Europe/London'],
  ['Dublin, Edinburgh, Lisbon, London', 'Europe/London'],
  ['Monrovia, Reykjavik', 'Atlantic/Reykjavik'],
  ['Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Berlin'],
  ['Belgrade, Bratislava, Budapest, Ljubljana, Prague', 'Europe/Budapest'],
  ['Brussels, Copenhagen, Madrid, Paris', 'Europe/Paris'],
  ['Sarajevo, Skopje, Warsaw, Zagreb', 'Europe/Warsaw'],
  ['West Central Africa', 'Africa/Lagos'],
  ['Amman', 'Asia/Amman'],
  ['Athens, Bucharest, Istanbul', 'Europe/Bucharest'],
  ['Athens, Bucharest', 'Europe/Bucharest'],
  ['Beirut', 'Asia/Beirut'],
  ['Cairo', 'Africa/Cairo'],
  ['Harare, Pretoria', 'Africa/Johannesburg'],
  ['Helsinki, Kiev, Riga, Sofia, Tallinn, Vilnius', 'Europe/Kyiv'],
  ['Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius', 'Europe/Kyiv'],
  ['Jerusalem', 'Asia/Jerusalem'],
  ['Minsk', 'Europe/Minsk'],
  ['Windhoek', 'Africa/Windhoek'],
  ['Baghdad', 'Asia/Baghdad'],
  ['Kuwait, Riyadh', 'Asia/Riyadh'],
  ['Moscow, St. Petersburg, Volgograd', 'Europe/Moscow'],
  ['Moscow, St. Petersburg', 'Europe/Moscow'],
  ['Nairobi', 'Africa/Nairobi'],
  ['Tbilisi', 'Asia/Tbilisi'],
  ['Tehran', 'Asia/Tehran'],
  ['Abu Dhabi, Muscat', 'Asia/Dubai'],
  ['Baku', 'Asia/Baku'],
  ['Baku, Tbilisi, Yerevan', 'Asia/Yerevan'],
  ['Port Louis', 'Indian/Mauritius'],
  ['Yerevan', 'Asia/Yerevan'],
  ['Kabul', 'Asia/Kabul'],
  ['Ekaterinburg', 'Asia/Yekaterinburg'],
  ['Islamabad, Karachi', 'Asia/Karachi'],
  ['Tashkent', 'Asia/Tashkent'],
  ['Chennai, Kolkata, Mumbai, New Delhi', 'Asia/Kolkata'],
  ['Kathmandu', 'Asia/Kathmandu'],
  ['Almaty, Novosibirsk', 'Asia/Novosibirsk'],
  ['Astana, Dhaka', 'Asia/Almaty'],
  ['Astana', 'Asia/Almaty'],
  ['Dhaka', 'Asia/Dhaka'],
  ['Sri Jayawardenepura', 'Asia/Colombo'],
  ['Yangon (Rangoon)', 'Asia/Yangon'],
  ['Bangkok, Hanoi, Jakarta', 'Asia/Bangkok'],
  ['Krasnoyarsk', 'Asia/Krasnoyarsk'],
  ['Beijing, Chongqing, Hong Kong, Urumqi', 'Asia/Shanghai'],
  ['Irkutsk, Ulaanbaatar', 'Asia/Irkutsk'],
  ['Irkutsk', 'Asia/Irkutsk'],
  ['Kuala Lumpur, Singapore', 'Asia/Singapore'],
  ['Perth', 'Australia/Perth'],
  ['Taipei', 'Asia/Taipei'],
  ['Osaka, Sapporo, Tokyo', 'Asia/Tokyo'],
  ['Seoul', 'Asia/Seoul'],
  ['Yakutsk', 'Asia/Yakutsk'],
  ['Adelaide', 'Australia/Adelaide'],
  ['Darwin', 'Australia/Darwin'],
  ['Brisbane', 'Australia/Brisbane'],
  ['Guam, Port Moresby', 'Pacific/Port_Moresby'],
  ['Hobart', 'Australia/Hobart'],
  ['Vladivostok', 'Asia/Vladivostok'],
  ['Magadan, Solomon Islands, New Caledonia', 'Pacific/Guadalcanal'],
  ['Solomon Is., New Caledonia', 'Pacific/Guadalcanal'],
  ['Auckland, Wellington', 'Pacific/Auckland'],
  ['Fiji, Kamchatka, Marshall Is.', 'Pacific/Fiji'],
  ['Fiji', 'Pacific/Fiji'],
  ['Petropavlovsk-Kamchatsky', 'Asia/Kamchatka'],
  ["Nuku'alofa", 'Pacific/Tongatapu'],
  ['Azores', 'Atlantic/Azores'],
  ['Cape Verde Islands', 'Atlantic/Cape_Verde'],
  ['Cabo Verde Is.', 'Atlantic/Cape_Verde'],
  ['Mid-Atlantic', 'Etc/GMT+2'],
  ['Brasilia', 'America/Sao_Paulo'],
  ['Buenos Aires', 'America/Argentina/Buenos_Aires'],
  ['City of Buenos Aires', 'America/Argentina/Buenos_Aires'],
  ['Georgetown', 'America/Cayenne'],
  ['Cayenne, Fortaleza', 'America/Cayenne'],
  ['Greenland', 'America/Nuuk'],
  ['Montevideo', 'America/Montevideo'],
  ['Newfoundland', 'America/St_Johns'],
  ['Asuncion', 'America/Asuncion'],
  ['Atlantic Time (Canada)', 'America/Halifax'],
  ['Georgetown, La Paz, San Juan', 'America/La_Paz'],
  ['Georgetown, La Paz, Manaus, San Juan', 'America/La_Paz'],
  ['Manaus', 'America/Manaus'],
  ['Cuiaba', 'America/Cuiaba'],
  ['Santiago', 'America/Santiago'],
  ['Caracas', 'America/Caracas'],
  ['Bogota, Lima, Quito', 'America/Bogota'],
  ['Bogota, Lima, Quito, Rio Branco', 'America/Bogota'],
  ['Eastern Time (US & Canada)', 'America/New_York'],
  ['Eastern Time (US and Canada)', 'America/New_York'],
  ['Indiana (East)', 'America/Indiana/Indianapolis'],
  ['Central America', 'America/Guatemala'],
  ['Central Time (US & Canada)', 'America/Chicago'],
  ['Central Time (US and Canada)', 'America/Chicago'],
  ['Guadalajara, Mexico City, Monterrey', 'America/Mexico_City'],
  ['Guadalajara, Mexico City, Monterrey - New', 'America/Mexico_City'],
  ['Saskatchewan', 'America/Regina'],
  ['Arizona', 'America/Phoenix'],
  ['Chihuahua, La Paz, Mazatlan', 'America/Mazatlan'],
  ['Chihuahua, La Paz, Mazatlan - New', 'America/Mazatlan'],
  ['Mountain Time (US & Canada)', 'America/Denver'],
  ['Mountain Time (US and Canada)', 'America/Denver'],
  ['Pacific Time (US & Canada)', 'America/Los_Angeles'],
  ['Pacific Time (US and Canada)', 'America/Los_Angeles'],
  ['Pacific Time (US & Canada); Tijuana', 'America/Los_Angeles'],
  ['Pacific Time (US and Canada); Tijuana', 'America/Los_Angeles'],
  ['Tijuana, Baja California', 'America/Tijuana'],
  ['Baja California', 'America/Tijuana'],
  ['Alaska', 'America/Anchorage'],
  ['Hawaii', 'Pacific/Honolulu'],
  ['Midway Island, Samoa', 'Pacific/Pago_Pago'],
  ['International Date Line West', 'Etc/GMT+12'],
];

/** Lower case, no accents, one space, one kind of list separator: "Brasília" and "Brasilia" meet. */
function normalizeLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s*[/,]\s*/g, ', ')
    .replace(/\s+/g, ' ')
    .trim();
}

const displayLabelIndex = new Map(
  WINDOWS_DISPLAY_LABELS.map(([label, zone]) => [normalizeLabel(label), zone]),
);
const windowsIdIndex = new Map([...WINDOWS_ZONE_IDS].map(([id, zone]) => [id.toLowerCase(), zone]));

const ianaCache = new Map<string, string | null>();

/**
 * The IANA zone this runtime knows under `name`, spelled as given, or null. Intl is the authority,
 * so a zone the server cannot compute offsets for is never accepted.
 */
export function ianaZone(name: string): string | null {
  const cached = ianaCache.get(name);
  if (cached !== undefined) return cached;
  let result: string | null = null;
  // Offsets like "+01:00" are accepted by newer Intl versions but are not zone names.
  if (/^[A-Za-z]/.test(name)) {
    try {
      // Intl ignores case; keep the caller's spelling unless only the case differs ("europe/berlin").
      const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
      result = resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
    } catch {
      result = null;
    }
  }
  ianaCache.set(name, result);
  return result;
}

/**
 * A Windows zone id or Outlook display label resolved to its IANA zone, or null.
 * "(UTC+01:00) Amsterdam, Berlin, ..." is matched by its city list, so the prefix may vary.
 */
export function windowsZoneToIana(name: string): string | null {
  const trimmed = name.trim();
  const byId = windowsIdIndex.get(trimmed.toLowerCase());
  if (byId) return byId;
  const cities = trimmed.replace(/^\((?:UTC|GMT)[^)]*\)\s*/i, '');
  return displayLabelIndex.get(normalizeLabel(cities)) ?? null;
}

/**
 * A zone name that carries an IANA name at its end: "/mozilla.org/20070129_1/America/New_York",
 * "/freeassociation.sourceforge.net/Tzfile/America/Argentina/Buenos_Aires", "posix/Europe/Vaduz".
 * Only suffixes of at least two segments count, so "custom_America/New_York" (a zone the producer
 * redefined on purpose) is not mistaken for America/New_York.
 */
export function ianaZoneFromPath(name: string): string | null {
  const segments = name.split('/').filter((segment) => segment.length > 0);
  for (let from = 0; from <= segments.length - 2; from++) {
    const candidate = segments.slice(from).join('/');
    if (ianaZone(candidate)) return candidate;
  }
  return null;
}

/**
 * A fixed UTC offset written as a zone name ("UTC+11", "GMT-0330", "(GMT +01:00)"), in minutes east
 * of UTC, or null. The whole name must be the offset: "GMT +0100 (Standard) / GMT +0200 (Daylight)"
 * describes a zone with daylight saving time and is not a fixed offset.
 */
export function fixedOffsetMinutes(name: string): number | null {
  const match = /^\(?\s*(?:UTC|GMT)\s*(?:([+-])\s*(\d{1,2})(?:[:.]?(\d{2}))?)?\s*\)?$/i.exec(name.trim());
  if (!match) return null;
  const [, sign, hours, minutes] = match;
  if (!sign) return 0;
  const total = Number(hours) * 60 + Number(minutes ?? 0);
  if (total > 14 * 60) return null;
  return sign === '-' ? -total : total;
}

/** The Etc/GMT zone for a whole-hour offset (the POSIX-style sign is inverted), or null. */
export function etcZoneForOffset(offsetMinutes: number): string | null {
  if (offsetMinutes === 0) return 'UTC';
  if (offsetMinutes % 60 !== 0) return null;
  const hours = offsetMinutes / 60;
  if (hours < -12 || hours > 14) return null;
  return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/**
 * Every way a calendar names a zone without defining it, in order of trust: an IANA name, a Windows id
 * or label, an IANA name behind a vendor path, a bare UTC offset. Null when none applies; the caller
 * then looks for a VTIMEZONE definition.
 */
export function resolveZoneName(name: string): string | null {
  const trimmed = name.trim().replace(/^"(.*)"$/, '$1');
  if (trimmed === '') return null;
  return ianaZone(trimmed) ?? windowsZoneToIana(trimmed) ?? ianaZoneFromPath(trimmed);
}
